package org.lifeline.orchestrator.curator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where open user tasks live: the platform's own inbox of job-worker user tasks (embedded engine)
 * or the Orchestration Cluster REST API (a real Camunda cluster). Access rules, validation and the
 * audit sit above it, in {@link CuratorTasks}.
 */
interface TaskBackend {

  /** Open tasks, highest priority first, then oldest first. */
  List<CuratorTask> openTasks(TaskQuery query);

  /** The task if it is still open. */
  Optional<CuratorTask> find(String taskId);

  /**
   * The task's variables among those named (the inputs of its form); a variable the task does not have is left out.
   */
  Map<String, Object> variables(CuratorTask task, Set<String> names);

  /** Assigns the task to the user; {@link TaskConflictException} if someone else holds it. */
  void claim(String taskId, String username);

  void unclaim(String taskId);

  /**
   * Completes the task with variables for the engine (codes, booleans, numbers only).
   *
   * @throws TaskNotFoundException when the task is no longer open (completed, cancelled)
   */
  void complete(String taskId, Map<String, Object> variables);
}
