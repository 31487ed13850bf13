package org.lifeline.orchestrator.audit;

/** A read of sensitive data, or an action that changed something. */
public enum AccessKind {
  READ,
  ACTION
}
