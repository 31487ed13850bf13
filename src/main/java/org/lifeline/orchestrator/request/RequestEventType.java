package org.lifeline.orchestrator.request;

/** Kinds of entries in a request's history (API contract). */
public enum RequestEventType {
  STATUS_CHANGED,
  MESSAGE_IN,
  MESSAGE_OUT,
  /** A risk signal (inbound message, questionnaire answer or staff flag): level, source (step) and codes. */
  RISK_SIGNAL,
  /** A step of an emergency escalation: step, level and codes (outcome, decision, staff notified). */
  ESCALATION,
  /** The person cannot be reached on their channel any more (e.g. blocked the bot): curators must act. */
  CHANNEL_UNREACHABLE,
  /** A member of staff was reminded (step: what about, e.g. first-contact; detail: their username). */
  STAFF_REMINDED
}
