package org.lifeline.orchestrator.escalation;

/**
 * Names in bpmn/risk-escalation.bpmn that code refers to, and the contract of the message that starts it. Stable once
 * released.
 *
 * <p><b>Message {@value #MESSAGE_RISK_DETECTED}</b> starts one escalation per request: correlation key = the request
 * id; while an escalation started by it is active, the engine starts no second one for the same request (a signal
 * during an open escalation is recorded in the request's history only). Variables: {@code requestId} (string),
 * {@code riskLevel} ({@code MEDIUM} or {@code HIGH}; lower levels do not escalate), {@code signal} (where it came
 * from: {@code message}, {@code questionnaire}, {@code flag} or {@code feedback}). Publish it with time-to-live 0 (a signal that finds
 * an open escalation must not start another one after it ends) and a message id where a retry could publish twice.
 * Inside the platform, prefer {@link EscalationSignals#raise}: it stores the signal, raises the request's risk level,
 * writes the history entry and publishes the message with retries.
 *
 * <p>Variables of the process: the three above, {@code escalationOpenedAt} (ISO 8601 instant, from the database: the
 * review limits count from it), and from the supervisor's review form {@code outcome} (an
 * {@link EscalationOutcome} code) and {@code decision} ({@code continue} or {@code close}). Codes only; never free
 * text, names or contact details.
 */
public final class RiskEscalationProcess {

  public static final String PROCESS_ID = "risk-escalation";
  public static final String MESSAGE_RISK_DETECTED = "RiskDetected";

  public static final String JOB_SEND_CRISIS_RESOURCES = "sendCrisisResources";
  public static final String JOB_NOTIFY_ON_DUTY_SUPERVISOR = "notifyOnDutySupervisor";
  public static final String JOB_NOTIFY_BACKUP_SUPERVISOR = "notifyBackupSupervisor";
  public static final String JOB_ALERT_ALL_SUPERVISORS = "alertAllSupervisors";
  public static final String JOB_APPLY_ESCALATION_OUTCOME = "applyEscalationOutcome";

  public static final String CANDIDATE_GROUP = "supervisors";
  public static final String FORM_ID = "escalation-review";

  /** Element ids. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_RiskDetected";
    public static final String SEND_CRISIS_RESOURCES = "Task_SendCrisisResources";
    public static final String NOTIFY_ON_DUTY_SUPERVISOR = "Task_NotifyOnDutySupervisor";
    public static final String REVIEW_ESCALATION = "Task_ReviewEscalation";
    public static final String BACKUP_SUPERVISOR_DUE = "Timer_BackupSupervisorDue";
    public static final String NOTIFY_BACKUP_SUPERVISOR = "Task_NotifyBackupSupervisor";
    public static final String ALL_SUPERVISORS_DUE = "Timer_AllSupervisorsDue";
    public static final String ALERT_ALL_SUPERVISORS = "Task_AlertAllSupervisors";
    public static final String APPLY_ESCALATION_OUTCOME = "Task_ApplyEscalationOutcome";
    public static final String ESCALATION_RESOLVED = "EndEvent_EscalationResolved";

    private Elements() {}
  }

  /** Variables: ids, levels and codes only. */
  public static final class Variables {
    public static final String REQUEST_ID = "requestId";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String SIGNAL = "signal";
    /** When the escalation opened (a re-driven one: its first opening); the review timers count from it. */
    public static final String OPENED_AT = "escalationOpenedAt";
    public static final String OUTCOME = "outcome";
    public static final String DECISION = "decision";

    private Variables() {}
  }

  private RiskEscalationProcess() {}
}
