package org.lifeline.orchestrator.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/** One run of the risk-escalation process, as the console lists it. Open until the supervisor's outcome is applied. */
@Entity
class Escalation {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private String engineRun;

  @Column(nullable = false)
  private long processInstanceKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RiskLevel level;

  @Column(nullable = false)
  private String source;

  @Column(nullable = false)
  private Instant openedAt;

  @Column(nullable = false)
  private String step;

  @Column(nullable = false)
  private Instant stepAt;

  private Instant onDutyNotifiedAt;
  private Instant backupNotifiedAt;
  private Instant allAlertedAt;
  private String outcome;
  private String decision;
  private Instant closedAt;

  @Version private long version;

  protected Escalation() {}

  Escalation(UUID requestId, String engineRun, long processInstanceKey, RiskLevel level, String source, Instant now) {
    this.id = UUID.randomUUID();
    this.requestId = requestId;
    this.engineRun = engineRun;
    this.processInstanceKey = processInstanceKey;
    this.level = level;
    this.source = source;
    this.openedAt = now;
    this.step = EscalationStep.OPENED.code();
    this.stepAt = now;
  }

  void raiseLevel(RiskLevel other) {
    level = level.max(other);
  }

  void reached(EscalationStep reached, Instant now) {
    step = reached.code();
    stepAt = now;
    switch (reached) {
      case ON_DUTY_NOTIFIED -> onDutyNotifiedAt = now;
      case BACKUP_NOTIFIED -> backupNotifiedAt = now;
      case ALL_SUPERVISORS_ALERTED -> allAlertedAt = now;
      default -> {}
    }
  }

  boolean hasReached(EscalationStep notification) {
    return switch (notification) {
      case ON_DUTY_NOTIFIED -> onDutyNotifiedAt != null;
      case BACKUP_NOTIFIED -> backupNotifiedAt != null;
      case ALL_SUPERVISORS_ALERTED -> allAlertedAt != null;
      default -> step.equals(notification.code());
    };
  }

  void close(EscalationOutcome outcome, EscalationDecision decision, Instant now) {
    this.outcome = outcome.code();
    this.decision = decision.code();
    this.closedAt = now;
    reached(decision == EscalationDecision.CONTINUE ? EscalationStep.CONTINUED : EscalationStep.CLOSED, now);
  }

  /** Its process instance is gone (embedded engine restarted): closed here, a new escalation takes over. */
  void supersede(Instant now) {
    closedAt = now;
    reached(EscalationStep.RE_DRIVEN, now);
  }

  boolean isOpen() {
    return closedAt == null;
  }

  UUID getId() {
    return id;
  }

  UUID getRequestId() {
    return requestId;
  }

  long getProcessInstanceKey() {
    return processInstanceKey;
  }

  RiskLevel getLevel() {
    return level;
  }

  String getSource() {
    return source;
  }

  Instant getOpenedAt() {
    return openedAt;
  }

  String getStep() {
    return step;
  }

  Instant getStepAt() {
    return stepAt;
  }

  String getOutcome() {
    return outcome;
  }

  String getDecision() {
    return decision;
  }

  Instant getClosedAt() {
    return closedAt;
  }
}
