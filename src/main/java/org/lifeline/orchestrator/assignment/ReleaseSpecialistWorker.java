package org.lifeline.orchestrator.assignment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * The proposed specialist will not take the request (input {@code exclusionReason}: DECLINED,
 * TIMED_OUT or PASSED_OVER): frees their place if reserved, excludes them for this request in the
 * database and returns the request's {@code failedAttempts}.
 */
@Component
public class ReleaseSpecialistWorker {

  private final AssignmentService assignment;

  ReleaseSpecialistWorker(AssignmentService assignment) {
    this.assignment = assignment;
  }

  @JobWorker(type = HelpRequestProcess.JOB_RELEASE_SPECIALIST)
  public Map<String, Object> releaseSpecialist(
      @Variable String requestId, @Variable String proposedSpecialistId, @Variable String exclusionReason) {
    int failed =
        assignment.release(UUID.fromString(requestId), UUID.fromString(proposedSpecialistId), exclusionReason);
    return Map.of(Variables.FAILED_ATTEMPTS, failed);
  }
}
