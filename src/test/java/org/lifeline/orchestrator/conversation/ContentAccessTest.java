package org.lifeline.orchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.care.CaseStateException;
import org.lifeline.orchestrator.escalation.OpenEscalations;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestNotFoundException;
import org.lifeline.orchestrator.request.RequestStatus;

/** The need-to-know rule on its own: every role against every status, with and without tasks and escalations. */
class ContentAccessTest {

  static final UUID REQUEST = UUID.randomUUID();
  static final StaffCaller HOLDER = new StaffCaller("okoval", Set.of(Roles.SPECIALIST));
  static final StaffCaller OTHER_SPECIALIST = new StaffCaller("mpetrenko", Set.of(Roles.SPECIALIST));
  static final StaffCaller CURATOR = new StaffCaller("curator", Set.of(Roles.CURATOR));
  static final StaffCaller SUPERVISOR = new StaffCaller("supervisor", Set.of(Roles.SUPERVISOR));
  static final StaffCaller ADMIN = new StaffCaller("operator", Set.of(Roles.ADMIN));
  static final StaffCaller INTEGRATOR = new StaffCaller("demo-integrator-key", Set.of(Roles.INTEGRATOR));

  RequestLifecycle lifecycle = mock(RequestLifecycle.class);
  AssignmentService assignment = mock(AssignmentService.class);
  OpenEscalations escalations = mock(OpenEscalations.class);
  RequestTasks tasks = mock(RequestTasks.class);
  HelpRequest request = mock(HelpRequest.class);
  ContentAccess access = new ContentAccess(lifecycle, assignment, escalations, tasks);

  @BeforeEach
  void aRequestHeldByOkoval() {
    when(lifecycle.get(REQUEST)).thenReturn(request);
    when(assignment.holderUsername(REQUEST)).thenReturn(Optional.of("okoval"));
    status(RequestStatus.IN_PROGRESS);
  }

  @Test
  void theHolderReadsFromTheProposalAndWritesOnceTheCaseIsAccepted() {
    status(RequestStatus.ASSIGNED);
    assertThat(access.requireRead(HOLDER, REQUEST)).isEqualTo(ContentAccess.Grant.HOLDER);
    assertThatThrownBy(() -> access.requireReply(HOLDER, REQUEST)).isInstanceOf(CaseStateException.class);

    status(RequestStatus.IN_PROGRESS);
    assertThat(access.requireReply(HOLDER, REQUEST)).isEqualTo(ContentAccess.Writer.SPECIALIST);
  }

  @Test
  void anotherSpecialistFindsNoSuchRequestUnlessTheyHeldIt() {
    assertThatThrownBy(() -> access.requireRead(OTHER_SPECIALIST, REQUEST)).isInstanceOf(RequestNotFoundException.class);
    assertThatThrownBy(() -> access.requireReply(OTHER_SPECIALIST, REQUEST)).isInstanceOf(RequestNotFoundException.class);

    when(assignment.hasHeld(REQUEST, "mpetrenko")).thenReturn(true);
    assertThatThrownBy(() -> access.requireRead(OTHER_SPECIALIST, REQUEST)).isInstanceOf(RequestNotFoundException.class);
    assertThatThrownBy(() -> access.requireReply(OTHER_SPECIALIST, REQUEST))
        .as("the specialist who declined or closed it knows it")
        .isInstanceOf(CaseStateException.class);
  }

  @ParameterizedTest
  @EnumSource(RequestStatus.class)
  void curatorsReadBeforeCareOrWithAnOpenCuratorTask(RequestStatus status) {
    status(status);
    boolean beforeCare =
        EnumSet.of(
                RequestStatus.RECEIVED,
                RequestStatus.QUALIFYING,
                RequestStatus.CURATOR_REVIEW,
                RequestStatus.QUESTIONNAIRE,
                RequestStatus.AWAITING_ASSIGNMENT,
                RequestStatus.ASSIGNED)
            .contains(status);
    assertThat(access.mayRead(CURATOR, REQUEST)).isEqualTo(beforeCare);

    when(tasks.hasOpenTask(REQUEST, RequestTasks.CURATORS)).thenReturn(true);
    assertThat(access.requireRead(CURATOR, REQUEST)).isEqualTo(ContentAccess.Grant.CURATOR);
  }

  @Test
  void aCuratorWritesOnlyFromTheirClaimedCaseWithoutFirstContact() {
    assertThatThrownBy(() -> access.requireReply(CURATOR, REQUEST)).isInstanceOf(ContentAccessDeniedException.class);
    when(tasks.hasClaimedTask(REQUEST, HelpRequestProcess.Elements.TASK_REVIEW_FIRST_CONTACT, "curator")).thenReturn(true);
    assertThat(access.requireReply(CURATOR, REQUEST)).isEqualTo(ContentAccess.Writer.CURATOR);
  }

  @Test
  void supervisorsReadAndWriteWhileAnEscalationIsOpen() {
    assertThatThrownBy(() -> access.requireRead(SUPERVISOR, REQUEST)).isInstanceOf(ContentAccessDeniedException.class);
    assertThatThrownBy(() -> access.requireReply(SUPERVISOR, REQUEST)).isInstanceOf(ContentAccessDeniedException.class);

    when(escalations.existFor(REQUEST)).thenReturn(true);
    assertThat(access.requireRead(SUPERVISOR, REQUEST)).isEqualTo(ContentAccess.Grant.SUPERVISOR);
    assertThat(access.requireReply(SUPERVISOR, REQUEST)).isEqualTo(ContentAccess.Writer.SUPERVISOR);
  }

  @Test
  void administratorsAndIntegratorsReadNoContentWhateverIsOpen() {
    status(RequestStatus.QUESTIONNAIRE);
    when(escalations.existFor(REQUEST)).thenReturn(true);
    when(tasks.hasOpenTask(REQUEST, RequestTasks.CURATORS)).thenReturn(true);
    for (StaffCaller outsider : new StaffCaller[] {ADMIN, INTEGRATOR}) {
      assertThatThrownBy(() -> access.requireRead(outsider, REQUEST))
          .isInstanceOf(ContentAccessDeniedException.class)
          .hasMessageContaining("Administrators");
      assertThatThrownBy(() -> access.requireReply(outsider, REQUEST)).isInstanceOf(ContentAccessDeniedException.class);
    }
    StaffCaller adminAndCurator = new StaffCaller("admin", Set.of(Roles.ADMIN, Roles.CURATOR));
    assertThat(access.requireRead(adminAndCurator, REQUEST)).as("as a curator").isEqualTo(ContentAccess.Grant.CURATOR);
  }

  @Test
  void anUnknownRequestIsNotFoundForEveryone() {
    UUID unknown = UUID.randomUUID();
    when(lifecycle.get(unknown)).thenThrow(new RequestNotFoundException(unknown));
    for (StaffCaller caller : new StaffCaller[] {HOLDER, CURATOR, SUPERVISOR, ADMIN}) {
      assertThat(access.mayRead(caller, unknown)).isFalse();
      assertThatThrownBy(() -> access.requireReply(caller, unknown)).isInstanceOf(RequestNotFoundException.class);
    }
  }

  private void status(RequestStatus status) {
    when(request.getStatus()).thenReturn(status);
  }
}
