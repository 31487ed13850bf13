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
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.engine.ProcessTestJobs;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.request.HelpRequestProcess.Elements;
import org.lifeline.orchestrator.request.HelpRequestProcess.ExclusionReasons;
import org.lifeline.orchestrator.request.HelpRequestProcess.Messages;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;

/**
 * The assignment and help-delivery stage (with the first-contact watch, the curators' choice among the next best
 * specialists, the reassignment of an accepted case and the user tasks' priorities) of bpmn/help-request.bpmn with bpmn/assignment-confirmation.dmn on the
 * in-memory engine, without the application: this test plays the workers, the curator, the specialist and the
 * platform's messages. Instances start at the proposal, as a re-driven request does.
 */
@ZeebeProcessTest
class AssignmentProcessTest {

  private static final Duration IDLE = Duration.ofSeconds(5);
  private static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  private static final String ASSIGNEE = "io.camunda.zeebe:assignee";

  ZeebeTestEngine engine;
  ZeebeClient client;
  private ProcessTestJobs jobs;
  /** How far this test moved the engine's clock. */
  private Duration moved = Duration.ZERO;

  private final String requestId = UUID.randomUUID().toString();
  private final String first = UUID.randomUUID().toString();
  private final String second = UUID.randomUUID().toString();

  @BeforeEach
  void deploy() throws IOException {
    jobs = new ProcessTestJobs(engine, client);
    client
        .newDeployResourceCommand()
        .addResourceBytes(ProcessTestJobs.adapted("bpmn/help-request.bpmn"), "help-request.bpmn")
        .addResourceFromClasspath("bpmn/qualification.dmn")
        .addResourceFromClasspath("bpmn/assignment-confirmation.dmn")
        .addResourceFromClasspath("bpmn/forms/qualification-review.form")
        .addResourceFromClasspath("bpmn/forms/assignment-confirmation.form")
        .addResourceFromClasspath("bpmn/forms/assignment-response.form")
        .addResourceFromClasspath("bpmn/forms/first-contact-review.form")
        .send()
        .join();
  }

  @Test
  void aLowRiskProposalIsReservedAtOnceAcceptedAndClosedAsHelped() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    propose(first, 0, "LOW");
    ActivatedJob reserve = jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("okoval"));
    assertThat(reserve.getVariablesAsMap()).containsEntry(Variables.PROPOSED_SPECIALIST_ID, first);

    ActivatedJob response = respond("accept");
    assertThat(response.getCustomHeaders())
        .containsEntry(ASSIGNEE, "okoval")
        .containsEntry(CANDIDATE_GROUPS, "[\"specialists\"]");
    assertThat(markInProgress().getCustomHeaders())
        .containsEntry(HelpRequestProcess.HEADER_STATUS, "IN_PROGRESS");
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_FIRST_REPLY)
        .isWaitingForMessages(Messages.FIRST_REPLY_SENT);
    firstReply("okoval");
    assertThat(instance).isWaitingAtElements(Elements.EVENT_CASE_CLOSED);

    closeCase("helped");
    assertThat(jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS).getCustomHeaders())
        .containsEntry(HelpRequestProcess.HEADER_STATUS, "FEEDBACK");
    assertThat(instance)
        .hasNotPassedElement(Elements.TASK_CONFIRM_ASSIGNMENT)
        .hasPassedElement(Elements.END_CASE_CLOSED)
        .isCompleted();
  }

  @Test
  void aMediumRiskProposalIsConfirmedByACuratorAndACaseNotHelpedIsClosed() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    propose(first, 0, "MEDIUM");
    ActivatedJob confirmation = completeUserTask(Elements.TASK_CONFIRM_ASSIGNMENT, Map.of(Variables.CONFIRMATION_DECISION, "confirm"));
    assertThat(confirmation.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"curators\"]");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("okoval"));
    respond("accept");
    markInProgress();

    closeCase("no-show");
    ActivatedJob closed = jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    assertThat(closed.getCustomHeaders()).containsEntry(HelpRequestProcess.HEADER_STATUS, "CLOSED");
    assertThat(closed.getVariablesAsMap()).containsEntry(Variables.STATUS_REASON, "no-show");
    assertThat(instance).isCompleted();
  }

  @Test
  void aCuratorPassingOverTheProposalGetsTheNextOne() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    propose(first, 0, "HIGH");
    completeUserTask(Elements.TASK_CONFIRM_ASSIGNMENT, Map.of(Variables.CONFIRMATION_DECISION, "repropose"));
    ActivatedJob passOver = jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, 1));
    assertThat(passOver.getElementId()).isEqualTo(Elements.TASK_PASS_OVER_PROPOSAL);
    assertThat(passOver.getVariablesAsMap()).containsEntry(Variables.EXCLUSION_REASON, ExclusionReasons.PASSED_OVER);

    propose(second, 1, "HIGH");
    assertThat(instance).isWaitingAtElements(Elements.TASK_CONFIRM_ASSIGNMENT).hasPassedElement(Elements.TASK_PROPOSE_SPECIALIST, 2);
  }

  @Test
  void aDeclinedProposalIsReleasedAndTheRequestReassigned() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    propose(first, 0, "LOW");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("okoval"));
    respond("decline");
    ActivatedJob release = jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, 1));
    assertThat(release.getElementId()).isEqualTo(Elements.TASK_RELEASE_DECLINED);
    assertThat(release.getVariablesAsMap())
        .containsEntry(Variables.EXCLUSION_REASON, ExclusionReasons.DECLINED)
        .containsEntry(Variables.PROPOSED_SPECIALIST_ID, first);

    propose(second, 1, "LOW");
    ActivatedJob reserve = jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("mpetrenko"));
    assertThat(reserve.getVariablesAsMap()).containsEntry(Variables.PROPOSED_SPECIALIST_ID, second);
    assertThat(respond("accept").getCustomHeaders()).containsEntry(ASSIGNEE, "mpetrenko");
    markInProgress();
    assertThat(instance)
        .isWaitingAtElements(Elements.GATEWAY_AWAIT_FIRST_REPLY)
        .isWaitingForMessages(Messages.FIRST_REPLY_SENT)
        .hasPassedElement(Elements.TASK_RESERVE_SPECIALIST, 2);
  }

  @Test
  void aSpecialistWhoDoesNotAnswerInTwoHoursIsReleasedAndTheRequestReassigned() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    propose(first, 0, "NONE");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved(""));
    assertThat(instance).isWaitingAtElements(Elements.TASK_RESPOND_TO_ASSIGNMENT);

    pass(Duration.ofMinutes(119));
    assertThat(jobs.activate(HelpRequestProcess.JOB_RELEASE_SPECIALIST)).isEmpty();
    pass(Duration.ofMinutes(2));
    ActivatedJob release = jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, 1));
    assertThat(release.getElementId()).isEqualTo(Elements.TASK_RELEASE_TIMED_OUT);
    assertThat(release.getVariablesAsMap()).containsEntry(Variables.EXCLUSION_REASON, ExclusionReasons.TIMED_OUT);

    propose(second, 1, "NONE");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("mpetrenko"));
    respond("accept");
    assertThat(instance)
        .hasPassedElement(Elements.TIMER_RESPONSE_OVERDUE, 1)
        .as("the first response task was interrupted, the second answered")
        .hasPassedElement(Elements.TASK_RESPOND_TO_ASSIGNMENT, 1)
        .hasPassedElement(Elements.TASK_RESERVE_SPECIALIST, 2);
  }

  @Test
  void afterThreeFailedAttemptsTheCuratorsConfirmEveryFurtherProposal() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    for (int attempt = 0; attempt < 3; attempt++) {
      propose(UUID.randomUUID().toString(), attempt, "LOW");
      jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("okoval"));
      respond("decline");
      jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, attempt + 1));
    }
    assertThat(instance).hasNotPassedElement(Elements.TASK_CONFIRM_ASSIGNMENT);

    propose(second, 3, "LOW");
    assertThat(instance).isWaitingAtElements(Elements.TASK_CONFIRM_ASSIGNMENT);
    ActivatedJob confirmation = completeUserTask(Elements.TASK_CONFIRM_ASSIGNMENT, Map.of(Variables.CONFIRMATION_DECISION, "confirm"));
    assertThat(confirmation.getCustomHeaders()).containsEntry(CANDIDATE_GROUPS, "[\"curators\"]");
    assertThat(confirmation.getVariablesAsMap()).containsEntry(Variables.PROPOSED_SPECIALIST_ID, second);
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("mpetrenko"));
    assertThat(instance).isWaitingAtElements(Elements.TASK_RESPOND_TO_ASSIGNMENT);
  }

  @Test
  void withoutAMatchTheRequestWaitsUntilASpecialistBecomesAvailable() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    jobs.complete(
        HelpRequestProcess.JOB_PROPOSE_SPECIALIST,
        proposal(null, 0, "LOW"));
    assertThat(instance).isWaitingAtElements(Elements.EVENT_SPECIALIST_AVAILABLE);
    assertThat(jobs.activate(HelpRequestProcess.JOB_PROPOSE_SPECIALIST)).isEmpty();

    client
        .newPublishMessageCommand()
        .messageName(Messages.SPECIALIST_AVAILABLE)
        .correlationKey(requestId)
        .messageId(Messages.SPECIALIST_AVAILABLE + ":" + requestId + ":1")
        .timeToLive(Messages.SPECIALIST_AVAILABLE_TIME_TO_LIVE)
        .send()
        .join();
    propose(first, 0, "LOW");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("okoval"));
    assertThat(instance)
        .hasPassedElement(Elements.EVENT_SPECIALIST_AVAILABLE, 1)
        .isWaitingAtElements(Elements.TASK_RESPOND_TO_ASSIGNMENT);
  }

  @Test
  void aPlaceThatWentMeanwhileIsProposedAgain() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    propose(first, 0, "LOW");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, Map.of(Variables.RESERVED, false, Variables.SPECIALIST_ASSIGNEE, ""));
    assertThat(instance).isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST).hasNotPassedElement(Elements.TASK_RESPOND_TO_ASSIGNMENT);
  }

  @Test
  void aFirstReplyInTimeEndsTheFirstContactWatch() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    pass(Duration.ofMinutes(30));
    firstReply("okoval");

    assertThat(instance)
        .hasPassedElement(Elements.EVENT_FIRST_REPLY_SENT)
        .hasPassedElement(Elements.SUBPROCESS_FIRST_CONTACT)
        .isWaitingAtElements(Elements.EVENT_CASE_CLOSED);
    pass(Duration.ofHours(2));
    assertThat(jobs.activate(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT)).isEmpty();
    assertThat(jobs.activate(UserTaskAdaptation.JOB_TYPE)).isEmpty();
  }

  @Test
  void withoutAFirstReplyInAnHourCuratorsRemindTheSpecialistAndLaterContactThePersonThemselves() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    pass(Duration.ofMinutes(59));
    assertThat(jobs.activate(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT)).as("the model's PT1H").isEmpty();
    pass(Duration.ofMinutes(2));
    ActivatedJob check = jobs.complete(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_MADE, false));
    assertThat(check.getVariablesAsMap()).containsEntry(Variables.REQUEST_ID, requestId);

    ActivatedJob review = completeUserTask(Elements.TASK_REVIEW_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_DECISION, "remind"));
    assertThat(review.getCustomHeaders())
        .containsEntry(CANDIDATE_GROUPS, "[\"curators\"]")
        .containsKey("io.camunda.zeebe:formKey");
    assertThat(jobs.complete(HelpRequestProcess.JOB_REMIND_SPECIALIST, Map.of(Variables.FIRST_CONTACT_SINCE, engineNow().toString()))
            .getElementId())
        .isEqualTo(Elements.TASK_REMIND_SPECIALIST);
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_FIRST_REPLY)
        .isWaitingForMessages(Messages.FIRST_REPLY_SENT);

    pass(Duration.ofMinutes(59));
    assertThat(jobs.activate(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT)).as("an hour counted again from the reminder").isEmpty();
    pass(Duration.ofMinutes(2));
    jobs.complete(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_MADE, false));
    completeUserTask(Elements.TASK_REVIEW_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_DECISION, "contacted"));

    assertThat(instance)
        .hasPassedElement(Elements.TASK_REVIEW_FIRST_CONTACT, 2)
        .hasPassedElement(Elements.TASK_REMIND_SPECIALIST, 1)
        .isWaitingAtElements(Elements.EVENT_CASE_CLOSED);
    closeCase("referred");
    assertThat(jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS).getCustomHeaders())
        .containsEntry(HelpRequestProcess.HEADER_STATUS, "CLOSED");
    assertThat(instance).isCompleted();
  }

  /**
   * A request re-driven after a restart in IN_PROGRESS resumes at Task_MarkInProgress; the database still knows when
   * it was accepted (50 minutes ago), so the curators hear of a missing first contact 10 minutes later, not an hour.
   */
  @Test
  void aRequestReDrivenInProgressKeepsItsFirstContactDeadline() throws Exception {
    ProcessInstanceEvent instance = startAsReDrivenIn(RequestStatus.IN_PROGRESS);
    Instant acceptedBeforeTheRestart = engineNow().minus(Duration.ofMinutes(50));
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS, Map.of(Variables.FIRST_CONTACT_SINCE, acceptedBeforeTheRestart.toString()));
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_FIRST_REPLY);

    pass(Duration.ofMinutes(9));
    assertThat(jobs.activate(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT)).as("59 minutes after the acceptance").isEmpty();
    pass(Duration.ofMinutes(2));
    jobs.complete(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_MADE, false));
    assertThat(instance).isWaitingAtElements(Elements.TASK_REVIEW_FIRST_CONTACT);
  }

  @Test
  void curatorsReassignACaseWithoutFirstContactToTheNextSpecialist() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    pass(Duration.ofMinutes(61));
    jobs.complete(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_MADE, false));
    completeUserTask(Elements.TASK_REVIEW_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_DECISION, "reassign"));

    ActivatedJob release = jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, 1));
    assertThat(release.getElementId()).isEqualTo(Elements.TASK_RELEASE_WITHOUT_FIRST_CONTACT);
    assertThat(release.getVariablesAsMap())
        .containsEntry(Variables.EXCLUSION_REASON, ExclusionReasons.NO_FIRST_CONTACT)
        .containsEntry(Variables.PROPOSED_SPECIALIST_ID, first);
    assertThat(instance).hasPassedElement(Elements.EVENT_REASSIGN_REQUESTED).isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST);

    propose(second, 1, "LOW");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("mpetrenko"));
    respond("accept");
    markInProgress();
    assertThat(instance)
        .as("the new specialist gets a watch of their own")
        .isWaitingAtElements(Elements.GATEWAY_AWAIT_FIRST_REPLY)
        .isWaitingForMessages(Messages.FIRST_REPLY_SENT);
  }

  @Test
  void aFirstReplyTheEngineMissedIsFoundWhenTheTimeIsUpAndNobodyIsAsked() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    pass(Duration.ofMinutes(61));
    jobs.complete(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_MADE, true));

    assertThat(instance).isWaitingAtElements(Elements.EVENT_CASE_CLOSED).hasNotPassedElement(Elements.TASK_REVIEW_FIRST_CONTACT);
    assertThat(jobs.activate(UserTaskAdaptation.JOB_TYPE)).isEmpty();
  }

  @Test
  void aFirstReplyWhileCuratorsLookAtTheCaseEndsTheirTask() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    pass(Duration.ofMinutes(61));
    jobs.complete(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_MADE, false));
    assertThat(instance).isWaitingAtElements(Elements.TASK_REVIEW_FIRST_CONTACT);

    firstReply("okoval");

    assertThat(instance)
        .hasPassedElement(Elements.EVENT_FIRST_REPLY_DURING_REVIEW)
        .as("the curators' task was ended, not completed")
        .hasNotPassedElement(Elements.TASK_REVIEW_FIRST_CONTACT)
        .isWaitingAtElements(Elements.EVENT_CASE_CLOSED);
    assertThat(jobs.activate(UserTaskAdaptation.JOB_TYPE)).isEmpty();
  }

  @Test
  void aCaseClosedBeforeAnyFirstContactEndsTheWatch() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    closeCase("no-show");

    assertThat(jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS).getVariablesAsMap())
        .containsEntry(Variables.STATUS_REASON, "no-show");
    assertThat(instance)
        .hasPassedElement(Elements.EVENT_CLOSED_BEFORE_FIRST_CONTACT)
        .hasNotPassedElement(Elements.EVENT_CASE_CLOSED)
        .isCompleted();
  }

  @Test
  void aCuratorChoosesOneOfTheNextBestSpecialistsInsteadOfTheProposedOne() throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    Map<String, Object> proposal = proposal(first, 0, "MEDIUM");
    proposal.put(Variables.PROPOSED_SPECIALIST_LABEL, "Olena Koval (1 of 4 cases, on shift now)");
    proposal.put(
        Variables.SPECIALIST_OPTIONS,
        List.of(Map.of("label", "Ivan Petrenko (0 of 3 cases, on shift now)", "value", second)));
    jobs.complete(HelpRequestProcess.JOB_PROPOSE_SPECIALIST, proposal);

    ActivatedJob confirmation =
        completeUserTask(
            Elements.TASK_CONFIRM_ASSIGNMENT,
            Map.of(Variables.CONFIRMATION_DECISION, "choose", Variables.CHOSEN_SPECIALIST_ID, second));
    assertThat(confirmation.getVariablesAsMap())
        .as("the form's list comes from the proposal")
        .containsEntry(Variables.SPECIALIST_OPTIONS, proposal.get(Variables.SPECIALIST_OPTIONS))
        .containsEntry(Variables.PROPOSED_SPECIALIST_LABEL, "Olena Koval (1 of 4 cases, on shift now)");

    ActivatedJob reserve = jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("ipetrenko"));
    assertThat(reserve.getVariablesAsMap())
        .as("the chosen specialist is reserved, the proposed one is not passed over")
        .containsEntry(Variables.PROPOSED_SPECIALIST_ID, second)
        .doesNotContainKey(Variables.CHOSEN_SPECIALIST_ID);
    assertThat(respond("accept").getCustomHeaders()).containsEntry(ASSIGNEE, "ipetrenko");
    assertThat(instance).hasNotPassedElement(Elements.TASK_PASS_OVER_PROPOSAL);
  }

  @Test
  void confirmingOrPassingOverKeepsTheProposedSpecialistWhateverElseTheFormCarries() throws Exception {
    startAtProposal();
    propose(first, 0, "MEDIUM");
    completeUserTask(
        Elements.TASK_CONFIRM_ASSIGNMENT,
        Map.of(Variables.CONFIRMATION_DECISION, "repropose", Variables.CHOSEN_SPECIALIST_ID, second));
    ActivatedJob passOver = jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, 1));
    assertThat(passOver.getVariablesAsMap()).containsEntry(Variables.PROPOSED_SPECIALIST_ID, first);

    propose(second, 1, "MEDIUM");
    completeUserTask(Elements.TASK_CONFIRM_ASSIGNMENT, Map.of(Variables.CONFIRMATION_DECISION, "confirm"));
    assertThat(jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("ipetrenko")).getVariablesAsMap())
        .containsEntry(Variables.PROPOSED_SPECIALIST_ID, second);
  }

  @Test
  void userTasksTakeTheirPriorityAndDueDateFromTheRiskLevel() throws Exception {
    startAtProposal();
    propose(first, 0, "HIGH");
    ActivatedJob high = jobs.activateOne(UserTaskAdaptation.JOB_TYPE);
    assertThat(high.getVariablesAsMap()).containsEntry(UserTaskAdaptation.PRIORITY_VARIABLE, 90);
    assertThat(dueIn(high)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
    jobs.complete(high, Map.of(Variables.CONFIRMATION_DECISION, "repropose"));
    jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, 1));

    propose(second, 1, "MEDIUM");
    ActivatedJob medium = jobs.activateOne(UserTaskAdaptation.JOB_TYPE);
    assertThat(medium.getVariablesAsMap()).containsEntry(UserTaskAdaptation.PRIORITY_VARIABLE, 70);
    assertThat(dueIn(medium)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
    jobs.complete(medium, Map.of(Variables.CONFIRMATION_DECISION, "confirm"));
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved("ipetrenko"));
    ActivatedJob response = jobs.activateOne(UserTaskAdaptation.JOB_TYPE);
    assertThat(response.getElementId()).isEqualTo(Elements.TASK_RESPOND_TO_ASSIGNMENT);
    assertThat(response.getVariablesAsMap()).containsEntry(UserTaskAdaptation.PRIORITY_VARIABLE, 70);
  }

  @Test
  void aCuratorReassignsAnAcceptedCaseAndTheChosenSpecialistAcceptsIt() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    reassign(second);

    ActivatedJob reassignment =
        jobs.complete(
            HelpRequestProcess.JOB_REASSIGN_SPECIALIST,
            Map.of(Variables.RESERVED, true, Variables.SPECIALIST_ASSIGNEE, "ipetrenko", Variables.PROPOSED_SPECIALIST_ID, second));
    assertThat(reassignment.getElementId()).isEqualTo(Elements.TASK_REASSIGN_SPECIALIST);
    assertThat(reassignment.getVariablesAsMap())
        .containsEntry(Variables.REASSIGN_TO_SPECIALIST_ID, second)
        .containsEntry(Variables.REASSIGNED_BY, "curator")
        .containsEntry(Variables.REQUEST_ID, requestId);
    assertThat(instance)
        .hasPassedElement(Elements.EVENT_REASSIGNMENT_REQUESTED)
        .as("the first specialist's watch ended with the care stage")
        .hasNotPassedElement(Elements.SUBPROCESS_FIRST_CONTACT)
        .isWaitingAtElements(Elements.TASK_RESPOND_TO_ASSIGNMENT);
    assertThat(jobs.activate(HelpRequestProcess.JOB_PROPOSE_SPECIALIST)).as("no new proposal").isEmpty();

    assertThat(respond("accept").getCustomHeaders()).containsEntry(ASSIGNEE, "ipetrenko");
    markInProgress();
    assertThat(instance)
        .as("the new specialist gets a watch of their own")
        .isWaitingAtElements(Elements.GATEWAY_AWAIT_FIRST_REPLY)
        .isWaitingForMessages(Messages.FIRST_REPLY_SENT, Messages.CASE_CLOSED, Messages.REASSIGNMENT_REQUESTED);
    closeCase("helped");
    assertThat(jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS).getCustomHeaders())
        .containsEntry(HelpRequestProcess.HEADER_STATUS, "FEEDBACK");
    assertThat(instance).isCompleted();
  }

  @Test
  void aReassignmentEndsTheCuratorsFirstContactReview() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    pass(Duration.ofMinutes(61));
    jobs.complete(HelpRequestProcess.JOB_CHECK_FIRST_CONTACT, Map.of(Variables.FIRST_CONTACT_MADE, false));
    assertThat(instance).isWaitingAtElements(Elements.TASK_REVIEW_FIRST_CONTACT);

    reassign(second);
    jobs.complete(
        HelpRequestProcess.JOB_REASSIGN_SPECIALIST,
        Map.of(Variables.RESERVED, true, Variables.SPECIALIST_ASSIGNEE, "ipetrenko", Variables.PROPOSED_SPECIALIST_ID, second));

    assertThat(jobs.activateOne(UserTaskAdaptation.JOB_TYPE).getElementId())
        .as("the review was ended, not completed: only the chosen specialist's offer is open")
        .isEqualTo(Elements.TASK_RESPOND_TO_ASSIGNMENT);
    assertThat(instance).hasNotPassedElement(Elements.TASK_REVIEW_FIRST_CONTACT);
  }

  @Test
  void aReassignmentAfterTheFirstContactEndsTheWaitForTheClosure() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    firstReply("okoval");
    assertThat(instance).isWaitingAtElements(Elements.EVENT_CASE_CLOSED);

    reassign(second);

    assertThat(jobs.activateOne(HelpRequestProcess.JOB_REASSIGN_SPECIALIST).getElementId())
        .isEqualTo(Elements.TASK_REASSIGN_SPECIALIST);
    assertThat(instance).hasNotPassedElement(Elements.EVENT_CASE_CLOSED).hasNotPassedElement(Elements.SUBPROCESS_CARE);
  }

  @Test
  void aReassignedSpecialistWhoDeclinesIsReleasedAndTheNextOneProposed() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    reassign(second);
    jobs.complete(
        HelpRequestProcess.JOB_REASSIGN_SPECIALIST,
        Map.of(Variables.RESERVED, true, Variables.SPECIALIST_ASSIGNEE, "ipetrenko", Variables.PROPOSED_SPECIALIST_ID, second));
    respond("decline");

    ActivatedJob release = jobs.complete(HelpRequestProcess.JOB_RELEASE_SPECIALIST, Map.of(Variables.FAILED_ATTEMPTS, 2));
    assertThat(release.getVariablesAsMap())
        .containsEntry(Variables.EXCLUSION_REASON, ExclusionReasons.DECLINED)
        .containsEntry(Variables.PROPOSED_SPECIALIST_ID, second);
    assertThat(instance).isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST);
  }

  @Test
  void whenTheChosenSpecialistsPlaceWentMeanwhileTheRequestIsProposedAgain() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    reassign(second);
    jobs.complete(
        HelpRequestProcess.JOB_REASSIGN_SPECIALIST,
        Map.of(Variables.RESERVED, false, Variables.SPECIALIST_ASSIGNEE, "", Variables.PROPOSED_SPECIALIST_ID, second));

    assertThat(instance)
        .hasPassedElement(Elements.GATEWAY_CHOSEN_RESERVED)
        .isWaitingAtElements(Elements.TASK_PROPOSE_SPECIALIST)
        .hasPassedElement(Elements.TASK_RESPOND_TO_ASSIGNMENT, 1);
  }

  @Test
  void aReassignmentOfAClosedCaseChangesNothing() throws Exception {
    ProcessInstanceEvent instance = accepted(first, "okoval");
    closeCase("helped");
    jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS);
    assertThat(instance).isCompleted();

    reassign(second);
    pass(Messages.REASSIGNMENT_REQUESTED_TIME_TO_LIVE.plusSeconds(1));
    assertThat(jobs.activate(HelpRequestProcess.JOB_REASSIGN_SPECIALIST)).isEmpty();
  }

  /** Proposed, reserved and accepted: the request is IN_PROGRESS and the first-contact watch runs. */
  private void pass(Duration time) {
    engine.increaseTime(time);
    moved = moved.plus(time);
  }

  /**
   * Task_MarkInProgress, answered as SetRequestStatusWorker does: the variable its header names, set to when the
   * database says the request became IN_PROGRESS.
   */
  private ActivatedJob markInProgress() throws Exception {
    ActivatedJob job =
        jobs.complete(HelpRequestProcess.JOB_SET_REQUEST_STATUS, Map.of(Variables.FIRST_CONTACT_SINCE, engineNow().toString()));
    assertThat(job.getCustomHeaders())
        .containsEntry(HelpRequestProcess.HEADER_STATUS, "IN_PROGRESS")
        .containsEntry(HelpRequestProcess.HEADER_STATUS_SINCE_VARIABLE, Variables.FIRST_CONTACT_SINCE);
    return job;
  }

  /** The engine's time, which the platform's database would record. */
  private Instant engineNow() {
    return Instant.now().plus(moved);
  }

  private ProcessInstanceEvent accepted(String specialistId, String username) throws Exception {
    ProcessInstanceEvent instance = startAtProposal();
    propose(specialistId, 0, "LOW");
    jobs.complete(HelpRequestProcess.JOB_RESERVE_SPECIALIST, reserved(username));
    respond("accept");
    markInProgress();
    assertThat(instance).isWaitingAtElements(Elements.GATEWAY_AWAIT_FIRST_REPLY)
        .isWaitingForMessages(Messages.FIRST_REPLY_SENT);
    return instance;
  }

  private void firstReply(String specialist) throws Exception {
    jobs.publish(
        Messages.FIRST_REPLY_SENT,
        requestId,
        Messages.FIRST_REPLY_SENT + ":" + requestId + ":" + specialist,
        Messages.FIRST_REPLY_SENT_TIME_TO_LIVE,
        Map.of());
  }

  private void reassign(String specialistId) throws Exception {
    jobs.publish(
        Messages.REASSIGNMENT_REQUESTED,
        requestId,
        Messages.REASSIGNMENT_REQUESTED + ":" + requestId + ":" + first,
        Messages.REASSIGNMENT_REQUESTED_TIME_TO_LIVE,
        Map.of(Variables.REASSIGN_TO_SPECIALIST_ID, specialistId, Variables.REASSIGNED_BY, "curator"));
  }

  /** How long from now the task is due; the engine's clock is the system's until a test moves it. */
  private static Duration dueIn(ActivatedJob task) {
    Instant due = ZonedDateTime.parse(task.getCustomHeaders().get(UserTaskAdaptation.DUE_DATE_HEADER)).toInstant();
    return Duration.between(Instant.now(), due);
  }

  private ProcessInstanceEvent startAtProposal() throws Exception {
    return startAsReDrivenIn(RequestStatus.ASSIGNED);
  }

  /** An instance started where a re-drive resumes a request of this status. */
  private ProcessInstanceEvent startAsReDrivenIn(RequestStatus status) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REQUEST_ID, requestId);
    variables.put(Variables.RISK_LEVEL, "NONE");
    variables.put(Variables.STATED_AGE, 30);
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
            .latestVersion()
            .variables(variables)
            .startBeforeElement(HelpRequestProcess.resumeElement(status).orElseThrow())
            .send()
            .join();
    engine.waitForIdleState(IDLE);
    return instance;
  }

  private void propose(String specialistId, int failedAttempts, String riskLevel) throws Exception {
    jobs.complete(HelpRequestProcess.JOB_PROPOSE_SPECIALIST, proposal(specialistId, failedAttempts, riskLevel));
  }

  private static Map<String, Object> proposal(String specialistId, int failedAttempts, String riskLevel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.MATCH_FOUND, specialistId != null);
    variables.put(Variables.PROPOSED_SPECIALIST_ID, specialistId);
    variables.put(Variables.FAILED_ATTEMPTS, failedAttempts);
    variables.put(Variables.RISK_LEVEL, riskLevel);
    return variables;
  }

  private static Map<String, Object> reserved(String assignee) {
    return Map.of(Variables.RESERVED, true, Variables.SPECIALIST_ASSIGNEE, assignee);
  }

  private ActivatedJob respond(String response) throws Exception {
    return completeUserTask(Elements.TASK_RESPOND_TO_ASSIGNMENT, Map.of(Variables.ASSIGNMENT_RESPONSE, response));
  }

  private ActivatedJob completeUserTask(String elementId, Map<String, Object> values) throws Exception {
    ActivatedJob task = jobs.complete(UserTaskAdaptation.JOB_TYPE, values);
    assertThat(task.getElementId()).isEqualTo(elementId);
    return task;
  }

  private void closeCase(String outcome) throws Exception {
    jobs.publish(
        Messages.CASE_CLOSED,
        requestId,
        Messages.CASE_CLOSED + ":" + requestId,
        Messages.CASE_CLOSED_TIME_TO_LIVE,
        Map.of(Variables.CASE_OUTCOME, outcome));
  }

}
