package org.lifeline.orchestrator.curator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open user task, the same from both backends.
 *
 * @param id the engine's key of the task (the job key in embedded mode, the user task key on a
 *     cluster), as a string because JavaScript cannot hold 64-bit numbers
 * @param requestId the request the task is about (from the process variable {@code requestId})
 * @param name the task's name in the model
 * @param elementId the BPMN element id, e.g. {@code Task_QualificationReview}
 * @param processId the BPMN process id
 * @param candidateGroups e.g. {@code curators}, {@code specialists}, {@code supervisors}
 * @param assignee who claimed it, or null
 * @param formId the linked Camunda Form's id, or null
 * @param priority 0-100, higher first (from the model's {@code zeebe:priorityDefinition}, fed by the risk level; 50
 *     when the model sets none)
 * @param dueDate when the task should be done (from the model's {@code zeebe:taskSchedule}), or null
 */
public record CuratorTask(
    String id,
    UUID requestId,
    String name,
    String elementId,
    String processId,
    List<String> candidateGroups,
    String assignee,
    Instant createdAt,
    String formId,
    int priority,
    Instant dueDate) {

  public CuratorTask {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
  }

  boolean isAssignedTo(String username) {
    return assignee != null && assignee.equals(username);
  }
}
