package org.lifeline.orchestrator.conversation;

/** Whether the person wrote a message (IN) or it was sent to them (OUT). */
public enum Direction {
  IN,
  OUT
}
