package org.lifeline.orchestrator.escalation;

import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * An escalation as the console lists it: codes and times only.
 *
 * @param since when it was opened
 * @param step the latest step: opened, on-duty-notified, backup-notified, all-supervisors-alerted, continued, closed
 */
public record EscalationView(
    UUID id,
    UUID requestId,
    RiskLevel level,
    String source,
    Instant since,
    String step,
    Instant stepAt,
    String outcome,
    String decision,
    Instant closedAt) {

  static EscalationView of(Escalation escalation) {
    return new EscalationView(
        escalation.getId(),
        escalation.getRequestId(),
        escalation.getLevel(),
        escalation.getSource(),
        escalation.getOpenedAt(),
        escalation.getStep(),
        escalation.getStepAt(),
        escalation.getOutcome(),
        escalation.getDecision(),
        escalation.getClosedAt());
  }
}
