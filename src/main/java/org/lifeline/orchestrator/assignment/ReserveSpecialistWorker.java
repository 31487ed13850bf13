package org.lifeline.orchestrator.assignment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Reserves a place of the proposed specialist (idempotent per specialist and request), marks the
 * request {@code ASSIGNED} and queues the {@code assignment-notice} to the person. Returns
 * {@code reserved} (false: the place went meanwhile, propose again) and {@code specialistAssignee}.
 */
@Component
public class ReserveSpecialistWorker {

  private final AssignmentService assignment;

  ReserveSpecialistWorker(AssignmentService assignment) {
    this.assignment = assignment;
  }

  @JobWorker(type = HelpRequestProcess.JOB_RESERVE_SPECIALIST)
  public Map<String, Object> reserveSpecialist(@Variable String requestId, @Variable String proposedSpecialistId) {
    Optional<String> assignee =
        assignment.reserve(UUID.fromString(requestId), UUID.fromString(proposedSpecialistId));
    return Map.of(Variables.RESERVED, assignee.isPresent(), Variables.SPECIALIST_ASSIGNEE, assignee.orElse(""));
  }
}
