package org.lifeline.orchestrator.curator;

/** No open task with that id (never existed, completed, or ended by the process). */
public class TaskNotFoundException extends RuntimeException {

  public TaskNotFoundException(String taskId) {
    super("No open task " + taskId);
  }
}
