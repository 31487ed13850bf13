package org.lifeline.orchestrator.request;

/** How much risk to the person is known so far; higher levels are served first and may escalate. */
public enum RiskLevel {
  NONE,
  LOW,
  MEDIUM,
  HIGH;

  public RiskLevel max(RiskLevel other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }
}
