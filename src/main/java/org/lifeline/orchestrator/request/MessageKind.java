package org.lifeline.orchestrator.request;

/** What a message of a request is (API contract): what the person wrote, a process template, or a staff reply. */
public enum MessageKind {
  MESSAGE,
  TEMPLATE,
  REPLY
}
