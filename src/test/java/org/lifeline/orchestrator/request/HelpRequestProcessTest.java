package org.lifeline.orchestrator.request;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.engine.ProcessTestJobs;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.request.HelpRequestProcess.Elements;
import org.lifeline.orchestrator.request.HelpRequestProcess.Messages;

/**
 * bpmn/help-request.bpmn with bpmn/qualification.dmn and the review form on the in-memory engine, without the
 * application: this test plays the workers and the questionnaire API (messages), and walks every route.
 */
@ZeebeProcessTest
class HelpRequestProcessTest {

  private static final Duration IDLE = Duration.ofSeconds(5);

  ZeebeTestEngine engine;
  ZeebeClient client;
  private ProcessTestJobs jobs;

  private final String requestId = UUID.randomUUID().toString();

  @BeforeEach
  void deploy() throws IOException {
    jobs = new ProcessTestJobs(engine, client);
    client
        .newDeployResourceCommand()
        .addResourceBytes(ProcessTestJobs.adapted("bpmn/help-request.bpmn"), "help-request.bpmn")
        .addResourceFromClasspath("bpmn/qualification.dmn")
        .addResourceFromClasspath("bpmn/forms/qualification-review.form")
        .send()
        .join();
  }

  @Test
  void anAdultProceedsToTheQuestionnaireAndIsReadyForAssignmentOnceItIsComplete() throws Exception {
    ProcessInstanceEvent instance = start(34);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, facts(false, false, false));
    jobs.complete(HelpRequestProcess.JOB_START_QUESTIONNAIRE);

    answer("topic");
    answer("safetyThoughts");
    completeQuestionnaire();
    ActivatedJob status = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(status.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "AWAITING_ASSIGNMENT");
    assertThat(instance)
        .hasPassedElement(Elements.TASK_DECIDE_QUALIFICATION_ROUTE)
        .hasPassedElement(Elements.SUBPROCESS_AWAIT_ANSWER, 2)
        .hasNotPassedElement(Elements.TASK_REVIEW_QUALIFICATION)
        .hasNotPassedElement(Elements.TASK_SEND_FIRST_REMINDER)
        .hasPassedElement(Elements.TASK_MARK_AWAITING_ASSIGNMENT)
        .isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST);
  }

  @Test
  void aMinorIsRedirectedToThePartnerProject() throws Exception {
    ProcessInstanceEvent instance = start(15);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, facts(false, false, false));
    jobs.complete(HelpRequestProcess.JOB_SEND_MINOR_REDIRECT);
    ActivatedJob status = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(status.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "REDIRECTED_MINOR");
    assertThat(instance).hasPassedElement(Elements.END_REDIRECTED_MINOR).hasNotPassedElement(Elements.TASK_START_QUESTIONNAIRE).isCompleted();
  }

  @Test
  void aRepeatContactWithAnotherAgeIsReviewedAndAcceptedByACurator() throws Exception {
    ProcessInstanceEvent instance = start(19);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, facts(true, true, false));
    ActivatedJob status = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    assertThat(status.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "CURATOR_REVIEW");
    assertThat(status.getVariablesAsMap())
        .containsEntry(HelpRequestProcess.Variables.STATUS_REASON, "AGE_CHANGED_SINCE_EARLIER_REQUEST");

    ActivatedJob review = jobs.complete(UserTaskAdaptation.JOB_TYPE, Map.of("reviewDecision", "accept"));
    assertThat(review.getElementId()).isEqualTo(Elements.TASK_REVIEW_QUALIFICATION);
    assertThat(review.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"curators\"]");
    assertThat(review.getVariablesAsMap()).containsEntry("reviewReason", "AGE_CHANGED_SINCE_EARLIER_REQUEST");

    jobs.complete(HelpRequestProcess.JOB_START_QUESTIONNAIRE);
    assertThat(instance).isWaitingAtElements(Elements.SUBPROCESS_AWAIT_ANSWER).isActive();
  }

  @Test
  void aRepeatContactRejectedByACuratorIsClosedWithTheReasonCode() throws Exception {
    ProcessInstanceEvent instance = start(22);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, facts(true, false, true));
    ActivatedJob review = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    assertThat(review.getVariablesAsMap())
        .containsEntry(HelpRequestProcess.Variables.STATUS_REASON, "EARLIER_REQUEST_REDIRECTED_AS_MINOR");

    jobs.complete(UserTaskAdaptation.JOB_TYPE, Map.of("reviewDecision", "reject", "rejectionReason", "age-inconsistent"));
    jobs.complete(HelpRequestProcess.JOB_SEND_REJECTION);
    ActivatedJob closed = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(closed.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "REJECTED");
    assertThat(closed.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.STATUS_REASON, "age-inconsistent");
    assertThat(instance).hasPassedElement(Elements.END_REJECTED).isCompleted();
  }

  @Test
  void aMissingAgeIsAskedFirstAndQualificationRunsOnceItIsKnown() throws Exception {
    ProcessInstanceEvent instance = start(null);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    assertThat(instance).isWaitingAtElements(Elements.SUBPROCESS_AWAIT_ANSWER).hasNotPassedElement(Elements.TASK_COLLECT_QUALIFICATION_FACTS);

    publish(Messages.QUESTIONNAIRE_ANSWERED, "age", Map.of("answeredQuestion", "age", "statedAge", 16));
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, facts(false, false, false));
    jobs.complete(HelpRequestProcess.JOB_SEND_MINOR_REDIRECT);
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(instance)
        .hasPassedElementsInOrder(Elements.SUBPROCESS_AWAIT_ANSWER, Elements.TASK_DECIDE_QUALIFICATION_ROUTE)
        .hasPassedElement(Elements.END_REDIRECTED_MINOR)
        .isCompleted();
  }

  @Test
  void anAdultWhoseAgeWasAskedGoesOnWithTheRestOfTheQuestionnaire() throws Exception {
    ProcessInstanceEvent instance = start(null);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    publish(Messages.QUESTIONNAIRE_ANSWERED, "age", Map.of("answeredQuestion", "age", "statedAge", 40));
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, facts(false, false, false));
    jobs.complete(HelpRequestProcess.JOB_START_QUESTIONNAIRE);

    answer("topic");
    assertThat(instance).hasPassedElement(Elements.TASK_COLLECT_QUALIFICATION_FACTS, 1).isWaitingAtElements(Elements.SUBPROCESS_AWAIT_ANSWER);
    completeQuestionnaire();
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    assertThat(instance)
        .hasPassedElement(Elements.TASK_MARK_AWAITING_ASSIGNMENT)
        .isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST);
  }

  @Test
  void aQuietPersonIsRemindedTwiceAndTheRequestIsAbandonedAfter48Hours() throws Exception {
    ProcessInstanceEvent instance = inQuestionnaire();

    engine.increaseTime(Duration.ofHours(1));
    ActivatedJob first = jobs.complete(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);
    assertThat(first.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.REMINDER_NUMBER, 1);
    engine.increaseTime(Duration.ofHours(11));
    ActivatedJob second = jobs.complete(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);
    assertThat(second.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.REMINDER_NUMBER, 2);
    engine.increaseTime(Duration.ofHours(36));
    ActivatedJob closed = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(closed.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "ABANDONED");
    assertThat(instance)
        .hasPassedElement(Elements.TASK_SEND_FIRST_REMINDER, 1)
        .hasPassedElement(Elements.TASK_SEND_SECOND_REMINDER, 1)
        .hasPassedElement(Elements.END_ABANDONED)
        .isCompleted();
  }

  @Test
  void aLateAnswerAfterAReminderContinuesAndRestartsTheTimers() throws Exception {
    ProcessInstanceEvent instance = inQuestionnaire();
    engine.increaseTime(Duration.ofHours(1));
    jobs.complete(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);

    answer("topic");
    engine.increaseTime(Duration.ofMinutes(50));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)).isEmpty();
    engine.increaseTime(Duration.ofMinutes(15));
    ActivatedJob again = jobs.complete(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);
    assertThat(again.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.REMINDER_NUMBER, 1);

    completeQuestionnaire();
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    engine.increaseTime(Duration.ofHours(48));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)).isEmpty();
    assertThat(instance)
        .hasPassedElement(Elements.TASK_SEND_FIRST_REMINDER, 2)
        .hasNotPassedElement(Elements.TASK_SEND_SECOND_REMINDER)
        .hasPassedElement(Elements.TASK_MARK_AWAITING_ASSIGNMENT)
        .isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST);
  }

  @Test
  void aReDrivenRequestResumesWhereItsStatusSays() throws Exception {
    Map<String, Object> variables = variables(30);
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
            .latestVersion()
            .variables(variables)
            .startBeforeElement(HelpRequestProcess.resumeElement(RequestStatus.QUESTIONNAIRE).orElseThrow())
            .send()
            .join();
    jobs.complete(HelpRequestProcess.JOB_START_QUESTIONNAIRE);

    assertThat(instance).hasNotPassedElement(Elements.START).isWaitingAtElements(Elements.SUBPROCESS_AWAIT_ANSWER);
    assertThat(HelpRequestProcess.resumeElement(RequestStatus.QUALIFYING)).isEmpty();
    assertThat(HelpRequestProcess.resumeElement(RequestStatus.ASSIGNED)).contains(Elements.TASK_PROPOSE_SPECIALIST);
  }

  @Test
  void aFailedGreetingIsRetriedAndBecomesAnIncidentWhenRetriesRunOut() throws Exception {
    ProcessInstanceEvent instance = start(30);
    for (int attempt = 0; attempt < 5; attempt++) {
      ActivatedJob job = jobs.activate(HelpRequestProcess.JOB_SEND_GREETING).get(0);
      client.newFailCommand(job.getKey()).retries(job.getRetries() - 1).errorMessage("channel down").send().join();
      engine.waitForIdleState(IDLE);
    }

    assertThat(instance).hasAnyIncidents().isActive();
  }

  private ProcessInstanceEvent inQuestionnaire() throws Exception {
    ProcessInstanceEvent instance = start(30);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, facts(false, false, false));
    jobs.complete(HelpRequestProcess.JOB_START_QUESTIONNAIRE);
    assertThat(instance).isWaitingAtElements(Elements.SUBPROCESS_AWAIT_ANSWER);
    return instance;
  }

  private ProcessInstanceEvent start(Integer statedAge) throws Exception {
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
            .latestVersion()
            .variables(variables(statedAge))
            .send()
            .join();
    engine.waitForIdleState(IDLE);
    return instance;
  }

  private Map<String, Object> variables(Integer statedAge) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requestId", requestId);
    variables.put("contactId", "c-1");
    variables.put("channel", "telegram");
    variables.put("riskLevel", "NONE");
    variables.put("statedAge", statedAge);
    return variables;
  }

  private static Map<String, Object> facts(boolean earlier, boolean ageDiffers, boolean redirectedAsMinor) {
    return Map.of(
        "hasEarlierRequests", earlier, "earlierAgeDiffers", ageDiffers, "earlierRedirectedAsMinor", redirectedAsMinor);
  }

  private void answer(String questionId) throws Exception {
    publish(Messages.QUESTIONNAIRE_ANSWERED, questionId, Map.of("answeredQuestion", questionId));
  }

  private void completeQuestionnaire() throws Exception {
    publish(Messages.QUESTIONNAIRE_COMPLETED, "completed", Map.of("riskLevel", "NONE"));
  }

  private void publish(String message, String messageId, Map<String, Object> variables) throws Exception {
    jobs.publish(message, requestId, message + ":" + requestId + ":" + messageId, Messages.ANSWER_TIME_TO_LIVE, variables);
  }

}
