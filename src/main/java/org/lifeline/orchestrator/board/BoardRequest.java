package org.lifeline.orchestrator.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.curator.CuratorTask;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * A request as the board shows it: statuses, stage, risk, times and ids, and staff names; never the person's content.
 *
 * @param prioritised served first by assignment (a supervisor let it continue after an escalation)
 * @param waitingSince when it entered its current status
 * @param assignedSpecialist who holds it (from the reservation until the case ends), or null
 * @param openTasks its open user tasks, most urgent first
 */
public record BoardRequest(
    UUID id,
    RequestStatus status,
    String stage,
    RiskLevel riskLevel,
    boolean prioritised,
    Instant waitingSince,
    Staff assignedSpecialist,
    List<OpenTask> openTasks) {

  public BoardRequest {
    openTasks = List.copyOf(openTasks);
  }

  /** A specialist by name and console username (staff facts, not the person's). */
  public record Staff(UUID id, String name, String username) {}

  /**
   * An open user task of the request.
   *
   * @param priority 0-100, higher first
   * @param dueDate when it should be done, or null
   */
  public record OpenTask(
      String id,
      String name,
      String elementId,
      List<String> candidateGroups,
      String assignee,
      int priority,
      Instant createdAt,
      Instant dueDate) {

    static OpenTask of(CuratorTask task) {
      return new OpenTask(
          task.id(),
          task.name(),
          task.elementId(),
          task.candidateGroups(),
          task.assignee(),
          task.priority(),
          task.createdAt(),
          task.dueDate());
    }
  }
}
