package org.lifeline.orchestrator.request;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a request to the status named in the task's {@value HelpRequestProcess#HEADER_STATUS} header, so process owners
 * place status changes in the model. An optional {@code statusReason} input (a code) goes into the history entry. A
 * request in a final status stays there: a late task of a stage that was overtaken changes nothing. With a {@value
 * HelpRequestProcess#HEADER_STATUS_SINCE_VARIABLE} header, returns under that variable name when the request entered
 * the status as the database knows it (unchanged when it already had it, as after a re-drive), for a timer to count
 * from; without one it returns nothing, so the other status tasks cost the engine no variable.
 */
@Component
public class SetRequestStatusWorker {

  private static final Logger log = LoggerFactory.getLogger(SetRequestStatusWorker.class);

  private final RequestLifecycle lifecycle;

  SetRequestStatusWorker(RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @JobWorker(
      type = HelpRequestProcess.JOB_SET_REQUEST_STATUS,
      fetchVariables = {HelpRequestProcess.Variables.REQUEST_ID, HelpRequestProcess.Variables.STATUS_REASON})
  public Map<String, Object> setRequestStatus(ActivatedJob job) {
    String header = job.getCustomHeaders().get(HelpRequestProcess.HEADER_STATUS);
    if (header == null) {
      throw new IllegalStateException(
          "Task " + job.getElementId() + " needs a '" + HelpRequestProcess.HEADER_STATUS + "' header");
    }
    RequestStatus status = RequestStatus.valueOf(header);
    UUID requestId = UUID.fromString((String) job.getVariablesAsMap().get(HelpRequestProcess.Variables.REQUEST_ID));
    Object reason = job.getVariablesAsMap().get(HelpRequestProcess.Variables.STATUS_REASON);
    RequestStatus current = lifecycle.get(requestId).getStatus();
    if (current.isFinal() && current != status) {
      log.info("Request {} is already {}; task {} leaves it so", requestId, current, job.getElementId());
      return Map.of();
    }
    lifecycle.changeStatus(requestId, status, reason == null ? null : reason.toString(), RequestLifecycle.SYSTEM);
    String sinceVariable = job.getCustomHeaders().get(HelpRequestProcess.HEADER_STATUS_SINCE_VARIABLE);
    if (sinceVariable == null || sinceVariable.isBlank()) {
      return Map.of();
    }
    // A request re-driven in this status keeps the time it first entered it: timers counting from it keep their dates.
    return Map.of(sinceVariable, lifecycle.get(requestId).getStatusChangedAt().truncatedTo(ChronoUnit.MILLIS).toString());
  }
}
