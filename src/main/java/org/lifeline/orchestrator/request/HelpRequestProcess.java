package org.lifeline.orchestrator.request;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Names in bpmn/help-request.bpmn (and the decision bpmn/qualification.dmn) that code refers to. Stable once released.
 *
 * <p>Statuses are set by the model: most stages use the generic {@value #JOB_SET_REQUEST_STATUS} task, whose
 * {@value #HEADER_STATUS} header names the status, so a process owner places status changes in the BPMN without Java.
 * An optional {@code statusReason} input (a code such as {@code AGE_CHANGED_SINCE_EARLIER_REQUEST}, never text) is
 * recorded with the history entry.
 */
public final class HelpRequestProcess {

  public static final String PROCESS_ID = "help-request";
  public static final String DECISION_QUALIFICATION_ROUTE = "qualification-route";
  public static final String FORM_QUALIFICATION_REVIEW = "qualification-review";
  public static final String DECISION_ASSIGNMENT_CONFIRMATION = "assignment-confirmation";
  public static final String FORM_ASSIGNMENT_CONFIRMATION = "assignment-confirmation";
  public static final String FORM_ASSIGNMENT_RESPONSE = "assignment-response";
  public static final String FORM_FIRST_CONTACT_REVIEW = "first-contact-review";

  public static final String JOB_SEND_GREETING = "sendGreeting";
  public static final String JOB_SET_REQUEST_STATUS = "setRequestStatus";
  public static final String JOB_COLLECT_QUALIFICATION_FACTS = "collectQualificationFacts";
  public static final String JOB_SEND_MINOR_REDIRECT = "sendMinorRedirect";
  public static final String JOB_SEND_REJECTION = "sendRejection";
  public static final String JOB_START_QUESTIONNAIRE = "startQuestionnaire";
  public static final String JOB_SEND_QUESTIONNAIRE_REMINDER = "sendQuestionnaireReminder";
  public static final String JOB_PROPOSE_SPECIALIST = "proposeSpecialist";
  public static final String JOB_RESERVE_SPECIALIST = "reserveSpecialist";
  public static final String JOB_RELEASE_SPECIALIST = "releaseSpecialist";
  public static final String JOB_CHECK_FIRST_CONTACT = "checkFirstContact";
  public static final String JOB_REMIND_SPECIALIST = "remindSpecialist";
  public static final String JOB_REASSIGN_SPECIALIST = "reassignSpecialist";

  /** Header of a {@value #JOB_SET_REQUEST_STATUS} task: the {@link RequestStatus} name to move to. */
  public static final String HEADER_STATUS = "status";

  /** Optional header of a {@code setRequestStatus} task: the variable to set to when the request entered the status. */
  public static final String HEADER_STATUS_SINCE_VARIABLE = "statusSinceVariable";

  /** Thrown by {@value #JOB_SEND_QUESTIONNAIRE_REMINDER} when the person stayed silent past the last reminder. */
  public static final String ERROR_QUESTIONNAIRE_ABANDONED = "QUESTIONNAIRE_ABANDONED";

  /** Messages this process waits for; correlation key = requestId. */
  public static final class Messages {
    /**
     * The age was answered in the questionnaire (asked first when intake did not give it): the request is qualified
     * now. Other answers are no messages: the reminder timer looks at the database when it fires.
     */
    public static final String AGE_STATED = "AgeStated";
    /** How long the age's message waits for the process to reach its wait state (e.g. while a reminder is checked). */
    public static final Duration AGE_STATED_TIME_TO_LIVE = Duration.ofMinutes(10);
    /** The last required answer was stored. */
    public static final String QUESTIONNAIRE_COMPLETED = "QuestionnaireCompleted";
    /** A completion must not get lost while qualification or review runs, so it waits as long as a person may. */
    public static final Duration COMPLETED_TIME_TO_LIVE = Duration.ofDays(3);
    /** Capacity appeared for a waiting request: propose again. */
    public static final String SPECIALIST_AVAILABLE = "SpecialistAvailable";
    /** Short: a request that is not waiting any more has no use for it; the next capacity change wakes it again. */
    public static final Duration SPECIALIST_AVAILABLE_TIME_TO_LIVE = Duration.ofMinutes(1);
    /** The assigned specialist closed the case; carries {@value Variables#CASE_OUTCOME}. */
    public static final String CASE_CLOSED = "CaseClosed";
    /** The closure is stored before it is published; it waits while the acceptance is still being recorded. */
    public static final Duration CASE_CLOSED_TIME_TO_LIVE = Duration.ofDays(1);
    /** The specialist holding the case sent the person their first reply. */
    public static final String FIRST_REPLY_SENT = "FirstReplySent";
    /**
     * Short: it only bridges the moments the first-contact watch is not listening (a curator's review, a reminder being
     * recorded); when the watch's timer fires it asks the database anyway, so a message that expired loses nothing.
     */
    public static final Duration FIRST_REPLY_SENT_TIME_TO_LIVE = Duration.ofMinutes(10);
    /**
     * A curator moves an accepted case to another specialist; carries {@value Variables#REASSIGN_TO_SPECIALIST_ID}
     * and {@value Variables#REASSIGNED_BY}. It interrupts the care stage.
     */
    public static final String REASSIGNMENT_REQUESTED = "ReassignmentRequested";
    /**
     * Short: it only bridges the moment between the acceptance being recorded and the care stage being entered; a
     * request that is not in care any more has no use for it. While it waits, a second reassignment of the same
     * holder is refused (same message id).
     */
    public static final Duration REASSIGNMENT_REQUESTED_TIME_TO_LIVE = Duration.ofMinutes(1);

    private Messages() {}
  }

  /** Element ids code and tests refer to. */
  public static final class Elements {
    public static final String START = "StartEvent_RequestReceived";
    public static final String TASK_COLLECT_QUALIFICATION_FACTS = "Task_CollectQualificationFacts";
    public static final String TASK_DECIDE_QUALIFICATION_ROUTE = "Task_DecideQualificationRoute";
    public static final String TASK_REVIEW_QUALIFICATION = "Task_ReviewQualification";
    public static final String TASK_START_QUESTIONNAIRE = "Task_StartQuestionnaire";
    /** Where the questionnaire waits: its completion, the age (before qualification), or the reminder timer. */
    public static final String GATEWAY_AWAIT_ANSWER = "Gateway_AwaitAnswer";
    public static final String EVENT_QUESTIONNAIRE_COMPLETED = "Event_QuestionnaireCompleted";
    public static final String EVENT_AGE_STATED = "Event_AgeStated";
    /** Counts from the last answer; its three durations are the process owner's reminder settings. */
    public static final String TIMER_REMINDER_DUE = "Timer_ReminderDue";
    public static final String TASK_SEND_QUESTIONNAIRE_REMINDER = "Task_SendQuestionnaireReminder";
    public static final String EVENT_QUESTIONNAIRE_ABANDONED = "Event_QuestionnaireAbandoned";
    public static final String TASK_MARK_AWAITING_ASSIGNMENT = "Task_MarkAwaitingAssignment";
    public static final String END_REDIRECTED_MINOR = "EndEvent_RedirectedMinor";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String END_ABANDONED = "EndEvent_Abandoned";
    public static final String TASK_PROPOSE_SPECIALIST = "Task_ProposeSpecialist";
    public static final String EVENT_SPECIALIST_AVAILABLE = "Event_SpecialistAvailable";
    public static final String TASK_DECIDE_CONFIRMATION = "Task_DecideConfirmation";
    public static final String TASK_CONFIRM_ASSIGNMENT = "Task_ConfirmAssignment";
    public static final String TASK_PASS_OVER_PROPOSAL = "Task_PassOverProposal";
    public static final String TASK_RESERVE_SPECIALIST = "Task_ReserveSpecialist";
    public static final String TASK_RESPOND_TO_ASSIGNMENT = "Task_RespondToAssignment";
    public static final String TIMER_RESPONSE_OVERDUE = "Timer_ResponseOverdue";
    public static final String TASK_RELEASE_DECLINED = "Task_ReleaseDeclined";
    public static final String TASK_RELEASE_TIMED_OUT = "Task_ReleaseTimedOut";
    public static final String TASK_MARK_IN_PROGRESS = "Task_MarkInProgress";
    public static final String SUBPROCESS_FIRST_CONTACT = "SubProcess_FirstContact";
    /** Where the watch waits for the first reply or its time to run out. */
    public static final String GATEWAY_AWAIT_FIRST_REPLY = "Gateway_AwaitFirstReply";
    public static final String EVENT_FIRST_REPLY_SENT = "Event_FirstReplySent";
    public static final String TIMER_FIRST_CONTACT_DUE = "Timer_FirstContactDue";
    public static final String TASK_CHECK_FIRST_CONTACT = "Task_CheckFirstContact";
    public static final String TASK_REVIEW_FIRST_CONTACT = "Task_ReviewFirstContact";
    public static final String EVENT_FIRST_REPLY_DURING_REVIEW = "Event_FirstReplyDuringReview";
    public static final String TASK_REMIND_SPECIALIST = "Task_RemindSpecialist";
    public static final String EVENT_CLOSED_BEFORE_FIRST_CONTACT = "Event_ClosedBeforeFirstContact";
    public static final String EVENT_REASSIGN_REQUESTED = "Event_ReassignRequested";
    public static final String TASK_RELEASE_WITHOUT_FIRST_CONTACT = "Task_ReleaseWithoutFirstContact";
    public static final String EVENT_CASE_CLOSED = "Event_CaseClosed";
    public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";
    /** Help delivery: the first-contact watch and the wait for the closure; a reassignment interrupts it. */
    public static final String SUBPROCESS_CARE = "SubProcess_Care";
    public static final String EVENT_REASSIGNMENT_REQUESTED = "Event_ReassignmentRequested";
    public static final String TASK_REASSIGN_SPECIALIST = "Task_ReassignSpecialist";
    public static final String GATEWAY_CHOSEN_RESERVED = "Gateway_ChosenReserved";

    private Elements() {}
  }

  /** Codes of why a specialist is not proposed again for a request (input {@value Variables#EXCLUSION_REASON}). */
  public static final class ExclusionReasons {
    public static final String DECLINED = "DECLINED";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String PASSED_OVER = "PASSED_OVER";
    /** Curators took the case away: the specialist had not written to the person in time. */
    public static final String NO_FIRST_CONTACT = "NO_FIRST_CONTACT";
    /** A curator moved the accepted case to another specialist. */
    public static final String REASSIGNED = "REASSIGNED";

    private ExclusionReasons() {}
  }

  /** Variables: ids, statuses, codes and flags only; never free text, answers, names or contacts. */
  public static final class Variables {
    public static final String REQUEST_ID = "requestId";
    public static final String CONTACT_ID = "contactId";
    public static final String CHANNEL = "channel";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String STATED_AGE = "statedAge";
    /** Qualification facts, set by {@value HelpRequestProcess#JOB_COLLECT_QUALIFICATION_FACTS}. */
    public static final String HAS_EARLIER_REQUESTS = "hasEarlierRequests";
    public static final String EARLIER_AGE_DIFFERS = "earlierAgeDiffers";
    public static final String EARLIER_REDIRECTED_AS_MINOR = "earlierRedirectedAsMinor";
    /** The decision's result: a context {route, reviewReason}. */
    public static final String QUALIFICATION = "qualification";
    /** Input of a {@value HelpRequestProcess#JOB_SET_REQUEST_STATUS} task: a reason code for the history. */
    public static final String STATUS_REASON = "statusReason";
    /** Output of the curator's review form: accept or reject. */
    public static final String REVIEW_DECISION = "reviewDecision";
    /** Output of the curator's review form: a reason code such as age-inconsistent. */
    public static final String REJECTION_REASON = "rejectionReason";
    /**
     * When the person last answered, as the database knows it, or when the questionnaire was opened to them (intake,
     * while only the age is asked): an ISO 8601 instant the reminder timer counts from. Set at the start, by
     * {@value HelpRequestProcess#JOB_START_QUESTIONNAIRE} and by {@value HelpRequestProcess#JOB_SEND_QUESTIONNAIRE_REMINDER}.
     */
    public static final String LAST_ANSWER_AT = "lastAnswerAt";
    /** Reminders sent since {@value #LAST_ANSWER_AT}: 0, 1 or 2; picks the reminder timer's duration. */
    public static final String REMINDERS_SENT = "remindersSent";
    /** Set by {@value HelpRequestProcess#JOB_PROPOSE_SPECIALIST}: somebody matches. */
    public static final String MATCH_FOUND = "matchFound";
    /** Set by {@value HelpRequestProcess#JOB_PROPOSE_SPECIALIST}: the proposed specialist's id (null without a match). */
    public static final String PROPOSED_SPECIALIST_ID = "proposedSpecialistId";
    /**
     * Set by {@value HelpRequestProcess#JOB_PROPOSE_SPECIALIST}: how curators see the proposed specialist (name, load,
     * shift): staff facts, never the person's.
     */
    public static final String PROPOSED_SPECIALIST_LABEL = "proposedSpecialistLabel";
    /**
     * Set by {@value HelpRequestProcess#JOB_PROPOSE_SPECIALIST}: the next best specialists as form options, a list of
     * {@code {label, value}} (value: the specialist's id), for the confirmation form's {@code valuesKey}.
     */
    public static final String SPECIALIST_OPTIONS = "specialistOptions";
    /** How many specialists declined the request, let it time out or were passed over (counted in the database). */
    public static final String FAILED_ATTEMPTS = "failedAttempts";
    /** Output of the decision {@value HelpRequestProcess#DECISION_ASSIGNMENT_CONFIRMATION}. */
    public static final String AUTO_CONFIRM = "autoConfirm";
    /** Output of the curator's confirmation form: confirm, choose (one of {@value #SPECIALIST_OPTIONS}) or repropose. */
    public static final String CONFIRMATION_DECISION = "confirmationDecision";
    /** Output of the curator's confirmation form with "choose": the chosen specialist's id. */
    public static final String CHOSEN_SPECIALIST_ID = "chosenSpecialistId";
    /** Set by {@value HelpRequestProcess#JOB_RESERVE_SPECIALIST}: the place was reserved. */
    public static final String RESERVED = "reserved";
    /** Set by {@value HelpRequestProcess#JOB_RESERVE_SPECIALIST}: the specialist's console username, or empty. */
    public static final String SPECIALIST_ASSIGNEE = "specialistAssignee";
    /** Output of the specialist's response form: accept or decline. */
    public static final String ASSIGNMENT_RESPONSE = "assignmentResponse";
    /** Input of a {@value HelpRequestProcess#JOB_RELEASE_SPECIALIST} task: one of {@link ExclusionReasons}. */
    public static final String EXCLUSION_REASON = "exclusionReason";
    /** Carried by {@value Messages#CASE_CLOSED}: the outcome code (helped, referred, no-show, ...). */
    public static final String CASE_OUTCOME = "caseOutcome";
    /** Set by {@value HelpRequestProcess#JOB_CHECK_FIRST_CONTACT}: the specialist holding the case has replied. */
    /**
     * Since when the first-contact watch counts (ISO 8601, from the database): the acceptance, then the latest
     * reminder; {@code Timer_FirstContactDue} is due a process-owner duration after it.
     */
    public static final String FIRST_CONTACT_SINCE = "firstContactSince";

    public static final String FIRST_CONTACT_MADE = "firstContactMade";
    /** Output of the curators' form for a case without first contact: remind, reassign or contacted. */
    public static final String FIRST_CONTACT_DECISION = "firstContactDecision";
    /** Carried by {@value Messages#REASSIGNMENT_REQUESTED}: the id of the specialist to take the case over. */
    public static final String REASSIGN_TO_SPECIALIST_ID = "reassignToSpecialistId";
    /** Carried by {@value Messages#REASSIGNMENT_REQUESTED}: the username of the curator who asked. */
    public static final String REASSIGNED_BY = "reassignedBy";
    private Variables() {}
  }

  /**
   * Where a request's new process instance starts when it is re-driven (after an embedded engine restart) in a status
   * past the start. Statuses not listed start at the start event; the greeting and other messages are not sent twice
   * (outbox dedup keys).
   */
  private static final Map<RequestStatus, String> RESUME_ELEMENTS =
      Map.of(
          RequestStatus.CURATOR_REVIEW, Elements.TASK_COLLECT_QUALIFICATION_FACTS,
          RequestStatus.QUESTIONNAIRE, Elements.TASK_START_QUESTIONNAIRE,
          RequestStatus.AWAITING_ASSIGNMENT, Elements.TASK_MARK_AWAITING_ASSIGNMENT,
          RequestStatus.ASSIGNED, Elements.TASK_PROPOSE_SPECIALIST,
          RequestStatus.IN_PROGRESS, Elements.TASK_MARK_IN_PROGRESS);

  /** The element a re-driven request in this status resumes before; empty: at the start event. */
  public static Optional<String> resumeElement(RequestStatus status) {
    return Optional.ofNullable(RESUME_ELEMENTS.get(status));
  }

  private HelpRequestProcess() {}
}
