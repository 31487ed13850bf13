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

  public static final String JOB_SEND_GREETING = "sendGreeting";
  public static final String JOB_SET_REQUEST_STATUS = "setRequestStatus";
  public static final String JOB_COLLECT_QUALIFICATION_FACTS = "collectQualificationFacts";
  public static final String JOB_SEND_MINOR_REDIRECT = "sendMinorRedirect";
  public static final String JOB_SEND_REJECTION = "sendRejection";
  public static final String JOB_START_QUESTIONNAIRE = "startQuestionnaire";
  public static final String JOB_SEND_QUESTIONNAIRE_REMINDER = "sendQuestionnaireReminder";

  /** Header of a {@value #JOB_SET_REQUEST_STATUS} task: the {@link RequestStatus} name to move to. */
  public static final String HEADER_STATUS = "status";

  /** Messages this process waits for; correlation key = requestId. */
  public static final class Messages {
    /** An answer was stored and more are needed; restarts the reminder timers. */
    public static final String QUESTIONNAIRE_ANSWERED = "QuestionnaireAnswered";
    /** The last required answer was stored. */
    public static final String QUESTIONNAIRE_COMPLETED = "QuestionnaireCompleted";
    /** How long an answer message waits for the process to reach its wait state (e.g. while a worker runs). */
    public static final Duration ANSWER_TIME_TO_LIVE = Duration.ofMinutes(10);
    /** A completion must not get lost while qualification or review runs, so it waits as long as a person may. */
    public static final Duration COMPLETED_TIME_TO_LIVE = Duration.ofDays(3);

    private Messages() {}
  }

  /** Element ids code and tests refer to. */
  public static final class Elements {
    public static final String START = "StartEvent_RequestReceived";
    public static final String TASK_COLLECT_QUALIFICATION_FACTS = "Task_CollectQualificationFacts";
    public static final String TASK_DECIDE_QUALIFICATION_ROUTE = "Task_DecideQualificationRoute";
    public static final String TASK_REVIEW_QUALIFICATION = "Task_ReviewQualification";
    public static final String TASK_START_QUESTIONNAIRE = "Task_StartQuestionnaire";
    public static final String SUBPROCESS_AWAIT_ANSWER = "SubProcess_AwaitAnswer";
    public static final String TASK_SEND_FIRST_REMINDER = "Task_SendFirstReminder";
    public static final String TASK_SEND_SECOND_REMINDER = "Task_SendSecondReminder";
    public static final String TASK_MARK_AWAITING_ASSIGNMENT = "Task_MarkAwaitingAssignment";
    public static final String END_REDIRECTED_MINOR = "EndEvent_RedirectedMinor";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String END_ABANDONED = "EndEvent_Abandoned";
    public static final String END_READY_FOR_ASSIGNMENT = "EndEvent_ReadyForAssignment";

    private Elements() {}
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
    /** Carried by answer messages: the id of the question just answered (the gateway qualifies after "age"). */
    public static final String ANSWERED_QUESTION = "answeredQuestion";
    /** Input of a reminder task: 1 or 2. */
    public static final String REMINDER_NUMBER = "reminderNumber";
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
          RequestStatus.AWAITING_ASSIGNMENT, Elements.TASK_MARK_AWAITING_ASSIGNMENT);

  /** The element a re-driven request in this status resumes before; empty: at the start event. */
  public static Optional<String> resumeElement(RequestStatus status) {
    return Optional.ofNullable(RESUME_ELEMENTS.get(status));
  }

  private HelpRequestProcess() {}
}
