package org.lifeline.orchestrator.escalation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * A staff member's risk flag on a request.
 *
 * @param level LOW (for review), MEDIUM or HIGH (escalate)
 * @param reasonCode a code, not a description: e.g. {@code disclosed-plan}, {@code self-harm-marks}, {@code concern}
 */
record RiskFlag(
    @NotNull(message = "is required; one of LOW, MEDIUM, HIGH") Level level,
    @NotNull(message = "is required")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a code of lower-case letters, digits and '-'")
        String reasonCode) {

  /** The levels a flag may have (a flag of NONE would be no flag). */
  enum Level {
    LOW,
    MEDIUM,
    HIGH;

    RiskLevel riskLevel() {
      return RiskLevel.valueOf(name());
    }
  }
}
