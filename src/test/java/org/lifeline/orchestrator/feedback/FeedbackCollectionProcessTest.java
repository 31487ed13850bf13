package org.lifeline.orchestrator.feedback;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeline.orchestrator.engine.ProcessTestJobs;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.feedback.FeedbackProcess.Elements;

/**
 * bpmn/feedback-collection.bpmn with bpmn/feedback-follow-up.dmn on the in-memory engine, deployed as the embedded mode
 * deploys it (the follow-up user task adapted to a job); the tests complete the jobs the workers would.
 */
@ZeebeProcessTest
class FeedbackCollectionProcessTest {

  ZeebeTestEngine engine;
  ZeebeClient client;
  private ProcessTestJobs jobs;
  /** How far the tests moved the engine's clock: the times the workers return are in the engine's time. */
  private Duration moved = Duration.ZERO;

  @BeforeEach
  void deploy() throws IOException {
    jobs = new ProcessTestJobs(engine, client);
    client
        .newDeployResourceCommand()
        .addResourceBytes(ProcessTestJobs.adapted("bpmn/feedback-collection.bpmn"), "feedback-collection.bpmn")
        .addResourceFromClasspath("bpmn/feedback-follow-up.dmn")
        .addResourceFromClasspath("bpmn/forms/feedback-follow-up.form")
        .send()
        .join();
  }

  @Test
  void anAnswerBeforeTheReminderIsAssessedAndTheRequestClosedWithoutAReminder() throws Exception {
    String requestId = UUID.randomUUID().toString();
    ProcessInstanceEvent instance = start(requestId);
    assertThat(instance).isWaitingAtElements(Elements.FEEDBACK_DUE);
    assertThat(jobs.activate(FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST)).as("nothing is sent before the delay").isEmpty();

    pass(Duration.ofDays(1));
    ActivatedJob ask = jobs.activateOne(FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST);
    assertThat(ask.getVariablesAsMap()).containsOnlyKeys("requestId", "caseClosedAt");
    jobs.complete(ask, asked());
    assertThat(instance).isWaitingAtElements(Elements.AWAIT_ANSWER);

    answer(requestId);
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_ASSESS_FEEDBACK), Map.of("rating", 5, "commentRisk", "NONE"));
    ActivatedJob close = jobs.activateOne(FeedbackProcess.JOB_CLOSE_FEEDBACK);
    assertThat(close.getElementId()).isEqualTo(Elements.CLOSE_REQUEST);
    assertThat(close.getVariablesAsMap()).containsEntry("followUp", "none");
    jobs.complete(close, Map.of());

    pass(Duration.ofDays(30));
    assertThat(instance)
        .isCompleted()
        .hasPassedElement(Elements.FEEDBACK_CLOSED)
        .hasNotPassedElement(Elements.SEND_FEEDBACK_REMINDER)
        .hasNotPassedElement(Elements.FOLLOW_UP_FEEDBACK);
  }

  @Test
  void anAnswerAfterTheOneReminderIsAssessedAndTheRequestClosed() throws Exception {
    String requestId = UUID.randomUUID().toString();
    ProcessInstanceEvent instance = start(requestId);
    askAndRemind();
    assertThat(instance).isWaitingAtElements(Elements.AWAIT_ANSWER_AFTER_REMINDER);

    answer(requestId);
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_ASSESS_FEEDBACK), Map.of("rating", 4, "commentRisk", "NONE"));
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_CLOSE_FEEDBACK), Map.of());

    assertThat(instance)
        .isCompleted()
        .hasPassedElement(Elements.FEEDBACK_RECEIVED_AFTER_REMINDER)
        .hasPassedElement(Elements.FEEDBACK_CLOSED)
        .hasPassedElementsInOrder(Elements.SEND_FEEDBACK_REQUEST, Elements.SEND_FEEDBACK_REMINDER, Elements.ASSESS_FEEDBACK);
  }

  @Test
  void withoutAnAnswerTheStepEndsQuietlyAfterOneReminder() throws Exception {
    ProcessInstanceEvent instance = start(UUID.randomUUID().toString());
    askAndRemind();

    pass(Duration.ofDays(7));
    ActivatedJob close = jobs.activateOne(FeedbackProcess.JOB_CLOSE_FEEDBACK);
    assertThat(close.getElementId()).isEqualTo(Elements.RECORD_NO_FEEDBACK);
    jobs.complete(close, Map.of());

    assertThat(instance)
        .isCompleted()
        .hasPassedElement(Elements.NO_FEEDBACK)
        .hasNotPassedElement(Elements.ASSESS_FEEDBACK);
    assertThat(jobs.activate(FeedbackProcess.JOB_SEND_FEEDBACK_REMINDER)).as("never a second reminder").isEmpty();
  }

  @ParameterizedTest(name = "rating {0}, comment risk {1}")
  @CsvSource({"1, NONE", "2, NONE", "5, LOW"})
  void aLowRatingOrADistressedCommentGivesACuratorAFollowUpTask(int rating, String commentRisk) throws Exception {
    String requestId = UUID.randomUUID().toString();
    ProcessInstanceEvent instance = answeredWith(requestId, rating, commentRisk);

    assertThat(instance).isWaitingAtElements(Elements.FOLLOW_UP_FEEDBACK);
    ActivatedJob task = jobs.activateOne(UserTaskAdaptation.JOB_TYPE);
    assertThat(task.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"curators\"]")
        .containsKey("io.camunda.zeebe:formKey");
    jobs.complete(task, Map.of("followUpOutcome", "contacted-person"));
    ActivatedJob close = jobs.activateOne(FeedbackProcess.JOB_CLOSE_FEEDBACK);
    assertThat(close.getVariablesAsMap())
        .containsEntry("followUp", "curator")
        .containsEntry("followUpOutcome", "contacted-person");
    jobs.complete(close, Map.of());

    assertThat(instance).isCompleted().hasPassedElement(Elements.FEEDBACK_CLOSED);
  }

  @ParameterizedTest(name = "comment risk {0}")
  @CsvSource({"MEDIUM", "HIGH"})
  void aRiskyCommentIsLeftToTheEscalationWithoutACuratorTask(String commentRisk) throws Exception {
    ProcessInstanceEvent instance = answeredWith(UUID.randomUUID().toString(), 1, commentRisk);

    ActivatedJob close = jobs.activateOne(FeedbackProcess.JOB_CLOSE_FEEDBACK);
    assertThat(close.getVariablesAsMap()).containsEntry("followUp", "escalated");
    jobs.complete(close, Map.of());

    assertThat(instance).isCompleted().hasNotPassedElement(Elements.FOLLOW_UP_FEEDBACK);
  }

  @ParameterizedTest(name = "rating {0}")
  @CsvSource({"3", "4", "5"})
  void aGoodRatingWithoutRiskNeedsNoFollowUp(int rating) throws Exception {
    ProcessInstanceEvent instance = answeredWith(UUID.randomUUID().toString(), rating, "NONE");

    ActivatedJob close = jobs.activateOne(FeedbackProcess.JOB_CLOSE_FEEDBACK);
    assertThat(close.getVariablesAsMap()).containsEntry("followUp", "none");
    jobs.complete(close, Map.of());
    assertThat(instance).isCompleted().hasNotPassedElement(Elements.FOLLOW_UP_FEEDBACK);
  }

  @Test
  void anAnswerThatArrivesBeforeTheRequestWasSentWaitsForTheInstance() throws Exception {
    String requestId = UUID.randomUUID().toString();
    ProcessInstanceEvent instance = start(requestId);
    answer(requestId);

    pass(Duration.ofDays(1));
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST), asked());

    assertThat(instance).isWaitingAtElements(Elements.ASSESS_FEEDBACK).hasPassedElement(Elements.FEEDBACK_RECEIVED);
  }

  @Test
  void aStepStartedAgainAfterARestartKeepsItsDayAndItsReminder() throws Exception {
    // The case closed 20 hours before the step was started again: the person is asked 4 hours later, not 24.
    ProcessInstanceEvent instance = start(UUID.randomUUID().toString(), now().minus(Duration.ofHours(20)));
    pass(Duration.ofHours(3));
    assertThat(jobs.activate(FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST)).isEmpty();
    pass(Duration.ofHours(1));
    // The person had been asked two days before the restart already: the reminder is due a day later, not three.
    jobs.complete(
        jobs.activateOne(FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST),
        Map.of(FeedbackProcess.Variables.ASKED_AT, now().minus(Duration.ofDays(2)).toString()));
    pass(Duration.ofHours(23));
    assertThat(jobs.activate(FeedbackProcess.JOB_SEND_FEEDBACK_REMINDER)).isEmpty();
    pass(Duration.ofHours(1));
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_SEND_FEEDBACK_REMINDER), reminded());

    assertThat(instance).isWaitingAtElements(Elements.AWAIT_ANSWER_AFTER_REMINDER);
  }

  private ProcessInstanceEvent answeredWith(String requestId, int rating, String commentRisk) throws Exception {
    ProcessInstanceEvent instance = start(requestId);
    pass(Duration.ofDays(1));
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST), asked());
    answer(requestId);
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_ASSESS_FEEDBACK), Map.of("rating", rating, "commentRisk", commentRisk));
    return instance;
  }

  private void askAndRemind() throws Exception {
    pass(Duration.ofDays(1));
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST), asked());
    pass(Duration.ofDays(3));
    jobs.complete(jobs.activateOne(FeedbackProcess.JOB_SEND_FEEDBACK_REMINDER), reminded());
  }

  /** As FeedbackDispatcher starts it, right after the case closed. */
  private ProcessInstanceEvent start(String requestId) throws Exception {
    return start(requestId, now());
  }

  private ProcessInstanceEvent start(String requestId, Instant caseClosedAt) throws Exception {
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(FeedbackProcess.PROCESS_ID)
            .latestVersion()
            .variables(Map.of("requestId", requestId, FeedbackProcess.Variables.CASE_CLOSED_AT, caseClosedAt.toString()))
            .send()
            .join();
    engine.waitForIdleState(Duration.ofSeconds(5));
    return instance;
  }

  /** What the request worker returns when it asked the person just now. */
  private Map<String, Object> asked() {
    return Map.of(FeedbackProcess.Variables.ASKED_AT, now().toString());
  }

  /** What the reminder worker returns when it reminded the person just now. */
  private Map<String, Object> reminded() {
    return Map.of(FeedbackProcess.Variables.REMINDED_AT, now().toString());
  }

  private void pass(Duration time) {
    engine.increaseTime(time);
    moved = moved.plus(time);
  }

  /** The engine's time. */
  private Instant now() {
    return Instant.now().plus(moved);
  }

  /** As FeedbackDispatcher publishes it. */
  private void answer(String requestId) throws Exception {
    client
        .newPublishMessageCommand()
        .messageName(FeedbackProcess.MESSAGE_FEEDBACK_RECEIVED)
        .correlationKey(requestId)
        .messageId("feedback:" + requestId)
        .timeToLive(FeedbackProcess.ANSWER_TIME_TO_LIVE)
        .send()
        .join();
    engine.waitForIdleState(Duration.ofSeconds(5));
  }
}
