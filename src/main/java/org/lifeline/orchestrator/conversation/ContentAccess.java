package org.lifeline.orchestrator.conversation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.care.CaseStateException;
import org.lifeline.orchestrator.escalation.OpenEscalations;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestNotFoundException;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Need to know: who may read a request's content (what the person wrote and answered, what was sent to them) and who
 * may write to the person, decided from what the database and the task inbox know now.
 *
 * <ul>
 *   <li>Read: the specialist holding the case (from the proposal they are asked to accept until it is closed);
 *       curators while the request is before {@code IN_PROGRESS} or has an open curator task; supervisors while an
 *       escalation of it is open. Another specialist gets 404 (the case does not exist for them), other curators and
 *       supervisors 403, administrators 403 (they run the system, they do not read cases).
 *   <li>Reply: the specialist holding an accepted case ({@code IN_PROGRESS}; 409 before acceptance and after
 *       closing), a supervisor while an escalation is open, and the curator who claimed the request's <em>Case
 *       without first contact</em> task (to write to the person themselves).
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ContentAccess {

  /** A curator qualifies, reviews and assigns the request until a specialist accepts it. */
  static final Set<RequestStatus> BEFORE_CARE =
      EnumSet.of(
          RequestStatus.RECEIVED,
          RequestStatus.QUALIFYING,
          RequestStatus.CURATOR_REVIEW,
          RequestStatus.QUESTIONNAIRE,
          RequestStatus.AWAITING_ASSIGNMENT,
          RequestStatus.ASSIGNED);

  /** Why someone may read. */
  public enum Grant {
    HOLDER,
    CURATOR,
    SUPERVISOR
  }

  /** In which role someone writes to the person. */
  public enum Writer {
    SPECIALIST,
    SUPERVISOR,
    CURATOR
  }

  private final RequestLifecycle lifecycle;
  private final AssignmentService assignment;
  private final OpenEscalations escalations;
  private final RequestTasks tasks;

  ContentAccess(
      RequestLifecycle lifecycle, AssignmentService assignment, OpenEscalations escalations, RequestTasks tasks) {
    this.lifecycle = lifecycle;
    this.assignment = assignment;
    this.escalations = escalations;
    this.tasks = tasks;
  }

  /**
   * Why the caller may read the request's content.
   *
   * @throws RequestNotFoundException for an unknown request, and for a specialist who does not hold it
   * @throws ContentAccessDeniedException for anyone else without a need to know now
   */
  public Grant requireRead(StaffCaller caller, UUID requestId) {
    HelpRequest request = lifecycle.get(requestId);
    if (caller.has(Roles.SPECIALIST) && holds(caller, requestId)) {
      return Grant.HOLDER;
    }
    if (caller.has(Roles.CURATOR)
        && (BEFORE_CARE.contains(request.getStatus()) || tasks.hasOpenTask(requestId, RequestTasks.CURATORS))) {
      return Grant.CURATOR;
    }
    if (caller.has(Roles.SUPERVISOR) && escalations.existFor(requestId)) {
      return Grant.SUPERVISOR;
    }
    throw denied(
        caller,
        requestId,
        "curators read a request's content before IN_PROGRESS or while it has an open curator task, supervisors"
            + " while an escalation of it is open");
  }

  /** Whether the caller may read the request's content now (unknown requests: no). */
  public boolean mayRead(StaffCaller caller, UUID requestId) {
    try {
      requireRead(caller, requestId);
      return true;
    } catch (RequestNotFoundException | ContentAccessDeniedException noNeedToKnow) {
      return false;
    }
  }

  /**
   * In which role the caller may write to the person now.
   *
   * @throws CaseStateException (409) for the specialist of a case not accepted yet, or no longer theirs
   * @throws RequestNotFoundException for an unknown request, and for a specialist who never held it
   * @throws ContentAccessDeniedException for anyone else
   */
  public Writer requireReply(StaffCaller caller, UUID requestId) {
    HelpRequest request = lifecycle.get(requestId);
    if (caller.has(Roles.SPECIALIST)) {
      if (holds(caller, requestId)) {
        if (request.getStatus() == RequestStatus.IN_PROGRESS) {
          return Writer.SPECIALIST;
        }
        throw new CaseStateException(
            "The case is " + request.getStatus() + ": accept it before writing to the person (IN_PROGRESS)");
      }
      if (assignment.hasHeld(requestId, caller.username())) {
        throw new CaseStateException("The case is no longer yours (" + request.getStatus() + "): it was closed or handed on");
      }
    }
    if (caller.has(Roles.SUPERVISOR) && escalations.existFor(requestId)) {
      return Writer.SUPERVISOR;
    }
    if (caller.has(Roles.CURATOR)
        && tasks.hasClaimedTask(requestId, HelpRequestProcess.Elements.TASK_REVIEW_FIRST_CONTACT, caller.username())) {
      return Writer.CURATOR;
    }
    throw denied(
        caller,
        requestId,
        "supervisors write to the person while an escalation is open, curators from a claimed 'Case without first"
            + " contact' task");
  }

  /** In which role the caller may write to the person now, if at all. */
  public Optional<Writer> mayReply(StaffCaller caller, UUID requestId) {
    try {
      return Optional.of(requireReply(caller, requestId));
    } catch (RequestNotFoundException | ContentAccessDeniedException | CaseStateException notNow) {
      return Optional.empty();
    }
  }

  /** Whether the caller is the specialist holding the request now. */
  public boolean holds(StaffCaller caller, UUID requestId) {
    return assignment.holderUsername(requestId).filter(caller.username()::equals).isPresent();
  }

  private static RuntimeException denied(StaffCaller caller, UUID requestId, String rule) {
    if (caller.has(Roles.CURATOR) || caller.has(Roles.SUPERVISOR)) {
      return new ContentAccessDeniedException("No need to know now: " + rule);
    }
    if (caller.has(Roles.SPECIALIST)) {
      return new RequestNotFoundException(requestId);
    }
    return new ContentAccessDeniedException("Administrators run the system; they do not read or write cases");
  }
}
