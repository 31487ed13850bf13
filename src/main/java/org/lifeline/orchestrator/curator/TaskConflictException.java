package org.lifeline.orchestrator.curator;

/** The task is held by someone else, or must be claimed first. */
public class TaskConflictException extends RuntimeException {

  public TaskConflictException(String message) {
    super(message);
  }
}
