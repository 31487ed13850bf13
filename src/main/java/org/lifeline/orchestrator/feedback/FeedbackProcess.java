package org.lifeline.orchestrator.feedback;

import java.time.Duration;

/**
 * Names in bpmn/feedback-collection.bpmn and bpmn/feedback-follow-up.dmn that code refers to. Stable once released.
 *
 * <p>Started (create instance, latest version) for each case a specialist closes as helped, from the stored
 * feedback_request row. Variables: {@code requestId} (string) and {@code caseClosedAt} (ISO 8601 instant, from the
 * database: the feedback timer counts from it, so a step started again after a restart keeps its day); from the
 * request and reminder tasks {@code feedbackAskedAt} and {@code feedbackRemindedAt} (the next timers count from
 * them); from the assessment of an answer {@code rating} (1-5)
 * and {@code commentRisk} (NONE, LOW, MEDIUM, HIGH: what the risk detector found in the comment, never the comment);
 * from the DMN {@code followUp} ({@code none}, {@code curator}, {@code escalated}); from the curator's follow-up form
 * {@code followUpOutcome} (a code). Never the comment, the token or who the person is.
 *
 * <p><b>Message {@value #MESSAGE_FEEDBACK_RECEIVED}</b>: correlation key = the request id, message id
 * {@code feedback:<requestId>}, no variables (the workers read the answer from the database). It lives long enough
 * ({@link #ANSWER_TIME_TO_LIVE}) to reach an instance that is still waiting for its first timer or not started yet.
 */
public final class FeedbackProcess {

  public static final String PROCESS_ID = "feedback-collection";
  public static final String DECISION_ID = "feedback-follow-up";
  public static final String MESSAGE_FEEDBACK_RECEIVED = "FeedbackReceived";
  public static final Duration ANSWER_TIME_TO_LIVE = Duration.ofDays(30);

  public static final String JOB_SEND_FEEDBACK_REQUEST = "sendFeedbackRequest";
  public static final String JOB_SEND_FEEDBACK_REMINDER = "sendFeedbackReminder";
  public static final String JOB_ASSESS_FEEDBACK = "assessFeedback";
  public static final String JOB_CLOSE_FEEDBACK = "closeFeedback";

  public static final String CANDIDATE_GROUP = "curators";
  public static final String FORM_ID = "feedback-follow-up";

  public static final String TEMPLATE_FEEDBACK_REQUEST = "feedback-request";
  public static final String TEMPLATE_FEEDBACK_REMINDER = "feedback-reminder";

  /** Element ids. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_CaseClosedHelped";
    public static final String FEEDBACK_DUE = "Timer_FeedbackDue";
    public static final String SEND_FEEDBACK_REQUEST = "Task_SendFeedbackRequest";
    public static final String AWAIT_ANSWER = "Gateway_AwaitAnswer";
    public static final String FEEDBACK_RECEIVED = "Event_FeedbackReceived";
    public static final String REMINDER_DUE = "Timer_ReminderDue";
    public static final String SEND_FEEDBACK_REMINDER = "Task_SendFeedbackReminder";
    public static final String AWAIT_ANSWER_AFTER_REMINDER = "Gateway_AwaitAnswerAfterReminder";
    public static final String FEEDBACK_RECEIVED_AFTER_REMINDER = "Event_FeedbackReceivedAfterReminder";
    public static final String FEEDBACK_WINDOW_CLOSED = "Timer_FeedbackWindowClosed";
    public static final String RECORD_NO_FEEDBACK = "Task_RecordNoFeedback";
    public static final String NO_FEEDBACK = "EndEvent_NoFeedback";
    public static final String ASSESS_FEEDBACK = "Task_AssessFeedback";
    public static final String DECIDE_FOLLOW_UP = "Task_DecideFollowUp";
    public static final String FOLLOW_UP_NEEDED = "Gateway_FollowUpNeeded";
    public static final String FOLLOW_UP_FEEDBACK = "Task_FollowUpFeedback";
    public static final String CLOSE_REQUEST = "Task_CloseRequest";
    public static final String FEEDBACK_CLOSED = "EndEvent_FeedbackClosed";

    private Elements() {}
  }

  /** Variables: ids, scores and codes only. */
  public static final class Variables {
    public static final String REQUEST_ID = "requestId";
    /** When the case closed as helped (from the database): {@code Timer_FeedbackDue} counts from it. */
    public static final String CASE_CLOSED_AT = "caseClosedAt";
    /** When the person was asked: {@code Timer_ReminderDue} counts from it. */
    public static final String ASKED_AT = "feedbackAskedAt";
    /** When the person was reminded: {@code Timer_FeedbackWindowClosed} counts from it. */
    public static final String REMINDED_AT = "feedbackRemindedAt";
    public static final String RATING = "rating";
    public static final String COMMENT_RISK = "commentRisk";
    public static final String FOLLOW_UP = "followUp";
    public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";

    private Variables() {}
  }

  /** Outputs of the follow-up decision. */
  public static final class FollowUp {
    public static final String NONE = "none";
    public static final String CURATOR = "curator";
    public static final String ESCALATED = "escalated";

    private FollowUp() {}
  }

  private FeedbackProcess() {}
}
