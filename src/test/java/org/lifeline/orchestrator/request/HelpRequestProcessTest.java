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
import java.time.Instant;
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
 * application: this test plays the workers and the questionnaire API (messages), and walks every route. The times the
 * workers return (the person's last answer, as the database knows it) are in the engine's time, which the tests move.
 */
@ZeebeProcessTest
class HelpRequestProcessTest {

  private static final Duration IDLE = Duration.ofSeconds(5);

  ZeebeTestEngine engine;
  ZeebeClient client;
  private ProcessTestJobs jobs;

  private final String requestId = UUID.randomUUID().toString();
  /** How far the test moved the engine's clock. */
  private Duration moved = Duration.ZERO;

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
    startQuestionnaire(now());

    // Answers go to the database only; the process waits for the questionnaire's completion.
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_ANSWER);
    completeQuestionnaire();
    ActivatedJob status = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(status.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "AWAITING_ASSIGNMENT");
    assertThat(instance)
        .hasPassedElement(Elements.TASK_DECIDE_QUALIFICATION_ROUTE)
        .hasPassedElement(Elements.GATEWAY_AWAIT_ANSWER, 1)
        .hasPassedElement(Elements.EVENT_QUESTIONNAIRE_COMPLETED)
        .hasNotPassedElement(Elements.TASK_REVIEW_QUALIFICATION)
        .hasNotPassedElement(Elements.TASK_SEND_QUESTIONNAIRE_REMINDER)
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

    startQuestionnaire(now());
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_ANSWER).isActive();
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
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_ANSWER).hasNotPassedElement(Elements.TASK_COLLECT_QUALIFICATION_FACTS);

    publish(Messages.AGE_STATED, "age", Map.of());
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, factsWithAge(16));
    jobs.complete(HelpRequestProcess.JOB_SEND_MINOR_REDIRECT);
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(instance)
        .hasPassedElementsInOrder(Elements.EVENT_AGE_STATED, Elements.TASK_DECIDE_QUALIFICATION_ROUTE)
        .hasPassedElement(Elements.END_REDIRECTED_MINOR)
        .isCompleted();
  }

  @Test
  void anAdultWhoseAgeWasAskedGoesOnWithTheRestOfTheQuestionnaire() throws Exception {
    ProcessInstanceEvent instance = start(null);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);
    publish(Messages.AGE_STATED, "age", Map.of());
    jobs.complete(HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS, factsWithAge(40));
    startQuestionnaire(now());

    assertThat(instance).hasPassedElement(Elements.TASK_COLLECT_QUALIFICATION_FACTS, 1).isWaitingAtElements(Elements.GATEWAY_AWAIT_ANSWER);
    completeQuestionnaire();
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    assertThat(instance)
        .hasPassedElement(Elements.TASK_MARK_AWAITING_ASSIGNMENT)
        .isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST);
  }

  @Test
  void aPersonWhoDoesNotGiveTheAgeIsRemindedAnHourAfterIntake() throws Exception {
    ProcessInstanceEvent instance = start(null);
    jobs.complete(HelpRequestProcess.JOB_SEND_GREETING);

    pass(Duration.ofMinutes(59));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)).isEmpty();
    pass(Duration.ofMinutes(1));
    ActivatedJob reminder = jobs.activateOne(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);
    assertThat(reminder.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.REMINDERS_SENT, 0);
    jobs.complete(reminder, Map.of(HelpRequestProcess.Variables.REMINDERS_SENT, 1));

    publish(Messages.AGE_STATED, "age", Map.of());
    assertThat(instance).hasPassedElement(Elements.EVENT_AGE_STATED).isWaitingAtElements(Elements.TASK_COLLECT_QUALIFICATION_FACTS);
  }

  @Test
  void aQuietPersonIsRemindedTwiceAndTheRequestIsAbandonedAfter48Hours() throws Exception {
    ProcessInstanceEvent instance = inQuestionnaire();

    pass(Duration.ofMinutes(59));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)).as("not before an hour").isEmpty();
    pass(Duration.ofMinutes(1));
    remind(0);
    pass(Duration.ofHours(11));
    remind(1);
    pass(Duration.ofHours(35));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)).as("not before 48 hours").isEmpty();
    pass(Duration.ofHours(1));
    ActivatedJob last = jobs.activateOne(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);
    assertThat(last.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.REMINDERS_SENT, 2);
    jobs.throwError(last, HelpRequestProcess.ERROR_QUESTIONNAIRE_ABANDONED);
    ActivatedJob closed = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);

    assertThat(closed.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "ABANDONED");
    assertThat(instance)
        .hasPassedElement(Elements.TASK_SEND_QUESTIONNAIRE_REMINDER, 2)
        .hasPassedElement(Elements.EVENT_QUESTIONNAIRE_ABANDONED)
        .hasPassedElement(Elements.END_ABANDONED)
        .isCompleted();
  }

  @Test
  void anAnswerNoticedWhenTheNextReminderFallsDueStartsTheRemindersAgainFromIt() throws Exception {
    ProcessInstanceEvent instance = inQuestionnaire();
    pass(Duration.ofHours(1));
    remind(0);
    // The person answers ten minutes after the reminder; nothing tells the engine.
    Instant answeredAt = now().plus(Duration.ofMinutes(10));

    pass(Duration.ofHours(11));
    ActivatedJob due = jobs.activateOne(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);
    assertThat(due.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.REMINDERS_SENT, 1);
    // The worker finds the newer answer: the reminders count from it, and its first one is overdue already.
    jobs.complete(
        due, Map.of(HelpRequestProcess.Variables.LAST_ANSWER_AT, answeredAt.toString(), HelpRequestProcess.Variables.REMINDERS_SENT, 0));
    remind(0);
    pass(Duration.ofHours(1));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER))
        .as("the second reminder is due 12 hours after the new answer, not 12 after the first one")
        .isEmpty();

    completeQuestionnaire();
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    pass(Duration.ofHours(48));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)).isEmpty();
    assertThat(instance)
        .hasPassedElement(Elements.TASK_SEND_QUESTIONNAIRE_REMINDER, 3)
        .hasPassedElement(Elements.TASK_MARK_AWAITING_ASSIGNMENT)
        .isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST);
  }

  @Test
  void aReDrivenRequestResumesWhereItsStatusSaysAndKeepsItsDeadlines() throws Exception {
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
    // The last answer was 50 minutes before the restart: the first reminder is due 10 minutes after it, not 60.
    startQuestionnaire(now().minus(Duration.ofMinutes(50)));

    assertThat(instance).hasNotPassedElement(Elements.START).isWaitingAtElements(Elements.GATEWAY_AWAIT_ANSWER);
    pass(Duration.ofMinutes(9));
    assertThat(jobs.activate(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)).isEmpty();
    pass(Duration.ofMinutes(1));
    remind(0);
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
    startQuestionnaire(now());
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_ANSWER);
    return instance;
  }

  /** As StartQuestionnaireWorker: the questionnaire is open, and the person last answered then. */
  private void startQuestionnaire(Instant lastAnswerAt) throws Exception {
    jobs.complete(
        HelpRequestProcess.JOB_START_QUESTIONNAIRE,
        Map.of(HelpRequestProcess.Variables.LAST_ANSWER_AT, lastAnswerAt.toString(), HelpRequestProcess.Variables.REMINDERS_SENT, 0));
  }

  /** As SendQuestionnaireReminderWorker when no answer came since: the due reminder is sent and counted. */
  private void remind(int sentBefore) throws Exception {
    ActivatedJob reminder = jobs.activateOne(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER);
    assertThat(reminder.getVariablesAsMap()).containsEntry(HelpRequestProcess.Variables.REMINDERS_SENT, sentBefore);
    jobs.complete(reminder, Map.of(HelpRequestProcess.Variables.REMINDERS_SENT, sentBefore + 1));
  }

  private void pass(Duration time) {
    engine.increaseTime(time);
    moved = moved.plus(time);
  }

  /** The engine's time. */
  private Instant now() {
    return Instant.now().plus(moved);
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
    // As RequestDispatcher starts it: the person was last heard from at intake.
    variables.put(HelpRequestProcess.Variables.LAST_ANSWER_AT, now().toString());
    variables.put(HelpRequestProcess.Variables.REMINDERS_SENT, 0);
    return variables;
  }

  private static Map<String, Object> facts(boolean earlier, boolean ageDiffers, boolean redirectedAsMinor) {
    return Map.of(
        "hasEarlierRequests", earlier, "earlierAgeDiffers", ageDiffers, "earlierRedirectedAsMinor", redirectedAsMinor);
  }

  /** As CollectQualificationFactsWorker once the age was answered in the questionnaire. */
  private static Map<String, Object> factsWithAge(int statedAge) {
    Map<String, Object> facts = new HashMap<>(facts(false, false, false));
    facts.put(HelpRequestProcess.Variables.STATED_AGE, statedAge);
    return facts;
  }

  private void completeQuestionnaire() throws Exception {
    publish(Messages.QUESTIONNAIRE_COMPLETED, "completed", Map.of("riskLevel", "NONE"));
  }

  private void publish(String message, String messageId, Map<String, Object> variables) throws Exception {
    jobs.publish(message, requestId, message + ":" + requestId + ":" + messageId, Messages.AGE_STATED_TIME_TO_LIVE, variables);
  }

}
