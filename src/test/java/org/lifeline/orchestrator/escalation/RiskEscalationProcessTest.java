package org.lifeline.orchestrator.escalation;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.client.api.response.PublishMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.process.test.filters.ProcessInstanceRecordStreamFilter;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeline.orchestrator.engine.ProcessTestJobs;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.escalation.RiskEscalationProcess.Elements;
import org.lifeline.orchestrator.request.HelpRequestProcess;

/**
 * bpmn/risk-escalation.bpmn on the in-memory engine, deployed as the embedded mode deploys it (user tasks adapted to
 * jobs); the tests complete the jobs the workers would.
 */
@ZeebeProcessTest
class RiskEscalationProcessTest {

  /** Stand-in for the later stages of a request's lifecycle, which other processes model. */
  private static final String LIFECYCLE = "lifecycle-stand-in";
  private static final List<String> STAGE_JOBS = List.of("askQuestionnaire", "awaitAssignment", "deliverHelp");

  ZeebeTestEngine engine;
  ZeebeClient client;
  private ProcessTestJobs jobs;

  @BeforeEach
  void deploy() throws IOException {
    jobs = new ProcessTestJobs(engine, client);
    client
        .newDeployResourceCommand()
        .addResourceBytes(ProcessTestJobs.adapted("bpmn/risk-escalation.bpmn"), "risk-escalation.bpmn")
        .addResourceFromClasspath("bpmn/forms/escalation-review.form")
        .addResourceBytes(ProcessTestJobs.adapted("bpmn/help-request.bpmn"), "help-request.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess(LIFECYCLE)
                .startEvent()
                .serviceTask("Task_Questionnaire", task -> task.zeebeJobType(STAGE_JOBS.get(0)))
                .serviceTask("Task_AwaitAssignment", task -> task.zeebeJobType(STAGE_JOBS.get(1)))
                .serviceTask("Task_ActiveCase", task -> task.zeebeJobType(STAGE_JOBS.get(2)))
                .endEvent()
                .done(),
            LIFECYCLE + ".bpmn")
        .send()
        .join();
  }

  @Test
  void riskDuringIntakeSendsCrisisResourcesAndPutsASupervisorOnItWhileTheRequestRunsOn() throws Exception {
    String requestId = UUID.randomUUID().toString();
    ProcessInstanceEvent helpRequest =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
            .latestVersion()
            .variables(Map.of("requestId", requestId))
            .send()
            .join();

    ProcessInstanceAssert escalation = escalate(requestId, "HIGH", "message");

    escalation.isWaitingAtElements(Elements.SEND_CRISIS_RESOURCES);
    ActivatedJob crisis = jobs.activateOne(RiskEscalationProcess.JOB_SEND_CRISIS_RESOURCES);
    assertThat(crisis.getVariablesAsMap())
        .containsEntry("requestId", requestId)
        .containsEntry("riskLevel", "HIGH")
        .containsEntry("signal", "message");
    jobs.complete(crisis, openedAgo(Duration.ZERO));

    escalation.isWaitingAtElements(Elements.NOTIFY_ON_DUTY_SUPERVISOR, Elements.REVIEW_ESCALATION);
    ActivatedJob review = jobs.activateOne(UserTaskAdaptation.JOB_TYPE);
    assertThat(review.getElementId()).isEqualTo(Elements.REVIEW_ESCALATION);
    assertThat(review.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"supervisors\"]")
        .containsKey("io.camunda.zeebe:formKey");
    assertThat(review.getVariablesAsMap()).containsEntry("requestId", requestId).containsEntry("signal", "message");
    assertThat(helpRequest).isActive().isWaitingAtElements("Task_SendGreeting");
  }

  @ParameterizedTest(name = "stage {0}")
  @ValueSource(ints = {0, 1, 2})
  void riskDuringQuestionnaireWaitingOrAnActiveCaseEscalatesWithoutDisturbingTheStage(int stage) throws Exception {
    String requestId = UUID.randomUUID().toString();
    ProcessInstanceEvent lifecycle =
        client.newCreateInstanceCommand().bpmnProcessId(LIFECYCLE).latestVersion().send().join();
    for (int passed = 0; passed < stage; passed++) {
      jobs.complete(jobs.activateOne(STAGE_JOBS.get(passed)), Map.of());
    }
    String stageElement = List.of("Task_Questionnaire", "Task_AwaitAssignment", "Task_ActiveCase").get(stage);

    ProcessInstanceAssert escalation = escalate(requestId, "MEDIUM", "questionnaire");
    walkToReview();
    jobs.complete(jobs.activateOne(UserTaskAdaptation.JOB_TYPE), Map.of("outcome", "contacted-person", "decision", "continue"));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_APPLY_ESCALATION_OUTCOME), Map.of());

    escalation.hasPassedElement(Elements.APPLY_ESCALATION_OUTCOME).isCompleted();
    assertThat(lifecycle).isActive().isWaitingAtElements(stageElement);
  }

  @Test
  void anUnreviewedEscalationGoesToTheBackupAfterFiveMinutesAndToAllSupervisorsAfterFifteen() throws Exception {
    ProcessInstanceAssert escalation = escalate(UUID.randomUUID().toString(), "HIGH", "flag");
    walkToReview();
    ActivatedJob review = jobs.activateOne(UserTaskAdaptation.JOB_TYPE);

    engine.increaseTime(Duration.ofMinutes(4));
    assertThat(jobs.activate(RiskEscalationProcess.JOB_NOTIFY_BACKUP_SUPERVISOR)).isEmpty();

    engine.increaseTime(Duration.ofMinutes(1));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_NOTIFY_BACKUP_SUPERVISOR), Map.of());
    assertThat(jobs.activate(RiskEscalationProcess.JOB_ALERT_ALL_SUPERVISORS)).isEmpty();
    escalation.hasPassedElement(Elements.NOTIFY_BACKUP_SUPERVISOR).isWaitingAtElements(Elements.REVIEW_ESCALATION);

    engine.increaseTime(Duration.ofMinutes(10));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_ALERT_ALL_SUPERVISORS), Map.of());
    escalation.hasPassedElement(Elements.ALERT_ALL_SUPERVISORS).isWaitingAtElements(Elements.REVIEW_ESCALATION);

    jobs.complete(review, Map.of("outcome", "false-alarm", "decision", "continue"));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_APPLY_ESCALATION_OUTCOME), Map.of());
    escalation.isCompleted();
  }

  @Test
  void aReDrivenEscalationKeepsItsLadderCountedFromItsFirstOpening() throws Exception {
    escalate(UUID.randomUUID().toString(), "HIGH", "message");
    // Opened four minutes before the restart: the backup is due one minute after it, not five.
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_SEND_CRISIS_RESOURCES), openedAgo(Duration.ofMinutes(4)));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_NOTIFY_ON_DUTY_SUPERVISOR), Map.of());
    assertThat(jobs.activate(RiskEscalationProcess.JOB_NOTIFY_BACKUP_SUPERVISOR)).isEmpty();

    engine.increaseTime(Duration.ofMinutes(1));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_NOTIFY_BACKUP_SUPERVISOR), Map.of());
    assertThat(jobs.activate(RiskEscalationProcess.JOB_ALERT_ALL_SUPERVISORS)).isEmpty();

    engine.increaseTime(Duration.ofMinutes(10));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_ALERT_ALL_SUPERVISORS), Map.of());
  }

  @Test
  void anEscalationReDrivenAfterBothLimitsAlertsTheBackupAndEverySupervisorAtOnce() throws Exception {
    escalate(UUID.randomUUID().toString(), "HIGH", "flag");
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_SEND_CRISIS_RESOURCES), openedAgo(Duration.ofMinutes(20)));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_NOTIFY_ON_DUTY_SUPERVISOR), Map.of());

    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_NOTIFY_BACKUP_SUPERVISOR), Map.of());
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_ALERT_ALL_SUPERVISORS), Map.of());
  }

  @Test
  void aReviewWithinTheLimitAlertsNobodyElse() throws Exception {
    ProcessInstanceAssert escalation = escalate(UUID.randomUUID().toString(), "HIGH", "message");
    walkToReview();
    jobs.complete(jobs.activateOne(UserTaskAdaptation.JOB_TYPE), Map.of("outcome", "contacted-person", "decision", "continue"));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_APPLY_ESCALATION_OUTCOME), Map.of());

    engine.increaseTime(Duration.ofMinutes(20));
    assertThat(jobs.activate(RiskEscalationProcess.JOB_NOTIFY_BACKUP_SUPERVISOR)).isEmpty();
    assertThat(jobs.activate(RiskEscalationProcess.JOB_ALERT_ALL_SUPERVISORS)).isEmpty();
    escalation.isCompleted().hasNotPassedElement(Elements.NOTIFY_BACKUP_SUPERVISOR);
  }

  @ParameterizedTest(name = "decision {0}")
  @ValueSource(strings = {"continue", "close"})
  void theSupervisorsOutcomeAndDecisionReachTheOutcomeWorker(String decision) throws Exception {
    ProcessInstanceAssert escalation = escalate(UUID.randomUUID().toString(), "HIGH", "message");
    walkToReview();

    jobs.complete(jobs.activateOne(UserTaskAdaptation.JOB_TYPE), Map.of("outcome", "emergency-services", "decision", decision));
    ActivatedJob apply = jobs.activateOne(RiskEscalationProcess.JOB_APPLY_ESCALATION_OUTCOME);
    assertThat(apply.getVariablesAsMap())
        .containsEntry("outcome", "emergency-services")
        .containsEntry("decision", decision);
    jobs.complete(apply, Map.of());

    escalation.hasPassedElement(Elements.ESCALATION_RESOLVED).isCompleted();
  }

  @Test
  void aSecondSignalWhileAnEscalationIsOpenStartsNoSecondOneButALaterSignalDoes() throws Exception {
    String requestId = UUID.randomUUID().toString();
    escalate(requestId, "MEDIUM", "message");

    PublishMessageResponse second = publish(requestId, "HIGH", "flag");
    engine.waitForIdleState(Duration.ofSeconds(5));
    assertThat(second).hasNotCreatedProcessInstance();
    assertThat(escalationInstances()).isEqualTo(1);

    walkToReview();
    jobs.complete(jobs.activateOne(UserTaskAdaptation.JOB_TYPE), Map.of("outcome", "false-alarm", "decision", "continue"));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_APPLY_ESCALATION_OUTCOME), Map.of());
    engine.waitForIdleState(Duration.ofSeconds(5));
    assertThat(escalationInstances()).as("the second signal was not queued up").isEqualTo(1);

    escalate(requestId, "HIGH", "message");
    assertThat(escalationInstances()).isEqualTo(2);
  }

  @Test
  void signalsOfDifferentRequestsEscalateSeparately() throws Exception {
    escalate(UUID.randomUUID().toString(), "HIGH", "message");
    escalate(UUID.randomUUID().toString(), "HIGH", "message");

    assertThat(escalationInstances()).isEqualTo(2);
  }

  private ProcessInstanceAssert escalate(String requestId, String level, String signal) throws Exception {
    PublishMessageResponse response = publish(requestId, level, signal);
    engine.waitForIdleState(Duration.ofSeconds(5));
    return assertThat(response).hasCreatedProcessInstance().extractingProcessInstance();
  }

  /** As RiskSignalPublisher publishes: message id per signal, time-to-live zero. */
  private PublishMessageResponse publish(String requestId, String level, String signal) {
    return client
        .newPublishMessageCommand()
        .messageName(RiskEscalationProcess.MESSAGE_RISK_DETECTED)
        .correlationKey(requestId)
        .messageId(UUID.randomUUID().toString())
        .timeToLive(Duration.ZERO)
        .variables(Map.of("requestId", requestId, "riskLevel", level, "signal", signal))
        .send()
        .join();
  }

  /** Completes what runs before the review: crisis resources (the escalation opened now) and the on-duty notification. */
  private void walkToReview() throws Exception {
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_SEND_CRISIS_RESOURCES), openedAgo(Duration.ZERO));
    jobs.complete(jobs.activateOne(RiskEscalationProcess.JOB_NOTIFY_ON_DUTY_SUPERVISOR), Map.of());
  }

  /** What the crisis-resources worker returns: when the escalation (first) opened, as the database knows it. */
  private static Map<String, Object> openedAgo(Duration ago) {
    return Map.of(RiskEscalationProcess.Variables.OPENED_AT, Instant.now().minus(ago).toString());
  }

  private long escalationInstances() {
    return new ProcessInstanceRecordStreamFilter(RecordStream.of(engine.getRecordStreamSource()).processInstanceRecords())
        .withBpmnProcessId(RiskEscalationProcess.PROCESS_ID)
        .withBpmnElementType(BpmnElementType.PROCESS)
        .withIntent(ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .stream()
        .count();
  }
}
