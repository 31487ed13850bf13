package org.lifeline.orchestrator.request;

/** Kinds of entries in a request's history (API contract). */
public enum RequestEventType {
  STATUS_CHANGED,
  MESSAGE_IN,
  MESSAGE_OUT,
  /** The person cannot be reached on their channel any more (e.g. blocked the bot): curators must act. */
  CHANNEL_UNREACHABLE
}
