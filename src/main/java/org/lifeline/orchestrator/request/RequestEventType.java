package org.lifeline.orchestrator.request;

/** Kinds of entries in a request's history (API contract). */
public enum RequestEventType {
  STATUS_CHANGED,
  MESSAGE_IN,
  MESSAGE_OUT
}
