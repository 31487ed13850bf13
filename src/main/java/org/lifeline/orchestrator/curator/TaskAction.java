package org.lifeline.orchestrator.curator;

/** What a person did to a task (the audit's vocabulary). */
public enum TaskAction {
  CLAIMED,
  UNCLAIMED,
  COMPLETED
}
