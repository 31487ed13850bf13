package org.lifeline.orchestrator.assignment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Proposes the best specialist for the request (or queues it when nobody matches). Returns ids, flags and staff facts
 * only: {@code matchFound}, {@code proposedSpecialistId}, {@code proposedSpecialistLabel}, {@code specialistOptions}
 * (the next best ones as form options {@code {label, value}}), {@code failedAttempts} and the current {@code riskLevel}
 * for the confirmation decision.
 */
@Component
public class ProposeSpecialistWorker {

  private final AssignmentService assignment;

  ProposeSpecialistWorker(AssignmentService assignment) {
    this.assignment = assignment;
  }

  @JobWorker(type = HelpRequestProcess.JOB_PROPOSE_SPECIALIST)
  public Map<String, Object> proposeSpecialist(@Variable String requestId) {
    AssignmentService.ProposalResult result = assignment.propose(UUID.fromString(requestId));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.MATCH_FOUND, result.specialistId().isPresent());
    variables.put(Variables.PROPOSED_SPECIALIST_ID, result.specialistId().map(UUID::toString).orElse(null));
    variables.put(Variables.PROPOSED_SPECIALIST_LABEL, result.specialist().map(Candidate::label).orElse(null));
    variables.put(
        Variables.SPECIALIST_OPTIONS,
        result.alternatives().stream()
            .map(candidate -> new FormOption(candidate.label(), candidate.specialistId().toString()))
            .toList());
    variables.put(Variables.FAILED_ATTEMPTS, result.failedAttempts());
    variables.put(Variables.RISK_LEVEL, result.riskLevel());
    return variables;
  }

  /** An option of a Camunda Form's select or radio field whose values come from a variable ({@code valuesKey}). */
  record FormOption(String label, String value) {}
}
