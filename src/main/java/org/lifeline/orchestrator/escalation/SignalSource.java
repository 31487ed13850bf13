package org.lifeline.orchestrator.escalation;

import java.util.Locale;

/** Where a risk signal came from; the {@code signal} variable of the escalation process and the history carry code(). */
public enum SignalSource {
  /** An inbound message from the person, scanned by the risk detector. */
  MESSAGE,
  /** A questionnaire safety answer. */
  QUESTIONNAIRE,
  /** A specialist, curator or supervisor flagged the request. */
  FLAG,
  /** The comment of the person's feedback after a case closed, scanned by the risk detector. */
  FEEDBACK;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
