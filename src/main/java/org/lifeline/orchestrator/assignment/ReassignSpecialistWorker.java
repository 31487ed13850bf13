package org.lifeline.orchestrator.assignment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.springframework.stereotype.Component;

/**
 * A curator asked to move the accepted case ({@code ReassignmentRequested}): releases the specialist holding it,
 * reserves the chosen one ({@code reassignToSpecialistId}) and queues the {@code reassignment-notice}, in one
 * transaction (see {@link AssignmentService#reassign}). Returns {@code reserved} (false: the chosen one's place went
 * meanwhile, propose again), {@code specialistAssignee} and {@code proposedSpecialistId} (the chosen one, who now
 * accepts or declines like any proposal).
 */
@Component
public class ReassignSpecialistWorker {

  private final AssignmentService assignment;

  ReassignSpecialistWorker(AssignmentService assignment) {
    this.assignment = assignment;
  }

  @JobWorker(type = HelpRequestProcess.JOB_REASSIGN_SPECIALIST)
  public Map<String, Object> reassignSpecialist(
      @Variable String requestId, @Variable String reassignToSpecialistId, @Variable String reassignedBy) {
    Optional<String> assignee =
        assignment.reassign(
            UUID.fromString(requestId),
            UUID.fromString(reassignToSpecialistId),
            reassignedBy == null || reassignedBy.isBlank() ? RequestLifecycle.SYSTEM : reassignedBy);
    return Map.of(
        Variables.RESERVED, assignee.isPresent(),
        Variables.SPECIALIST_ASSIGNEE, assignee.orElse(""),
        Variables.PROPOSED_SPECIALIST_ID, reassignToSpecialistId);
  }
}
