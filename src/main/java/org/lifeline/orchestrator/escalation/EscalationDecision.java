package org.lifeline.orchestrator.escalation;

import java.util.Arrays;
import java.util.Locale;

/** Whether the request goes on after the escalation (radio "decision" of the review form; values are code()). */
public enum EscalationDecision {
  /** The request continues where it was, with risk level HIGH and top priority for assignment. */
  CONTINUE,
  /** The request is closed and its help-request process cancelled. */
  CLOSE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EscalationDecision fromCode(String code) {
    return Arrays.stream(values())
        .filter(decision -> decision.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown escalation decision '" + code + "'"));
  }
}
