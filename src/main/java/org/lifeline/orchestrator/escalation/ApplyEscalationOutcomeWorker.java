package org.lifeline.orchestrator.escalation;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import java.util.OptionalLong;
import org.lifeline.orchestrator.engine.EngineRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies the supervisor's outcome: continue keeps the request running with risk HIGH and top priority; close
 * closes the request and cancels its help-request process instance (one that has already ended is fine).
 */
@Component
public class ApplyEscalationOutcomeWorker {

  private static final Logger log = LoggerFactory.getLogger(ApplyEscalationOutcomeWorker.class);
  private static final int HTTP_NOT_FOUND = 404;

  private final Escalations escalations;
  private final CamundaClient client;
  private final EngineRun engineRun;

  ApplyEscalationOutcomeWorker(Escalations escalations, CamundaClient client, EngineRun engineRun) {
    this.escalations = escalations;
    this.client = client;
    this.engineRun = engineRun;
  }

  @JobWorker(type = RiskEscalationProcess.JOB_APPLY_ESCALATION_OUTCOME)
  public void applyEscalationOutcome(ActivatedJob job, @Variable String outcome, @Variable String decision) {
    OptionalLong toCancel =
        escalations.applyOutcome(
            engineRun.id(),
            job.getProcessInstanceKey(),
            EscalationOutcome.fromCode(outcome),
            EscalationDecision.fromCode(decision));
    toCancel.ifPresent(this::cancel);
  }

  private void cancel(long helpRequestInstanceKey) {
    try {
      client.newCancelInstanceCommand(helpRequestInstanceKey).send().join();
      log.info("Cancelled help-request process instance {} after an escalation closed the request", helpRequestInstanceKey);
    } catch (ClientStatusException failure) {
      if (failure.getStatusCode() != Status.Code.NOT_FOUND) {
        throw failure;
      }
    } catch (ClientHttpException failure) {
      if (failure.code() != HTTP_NOT_FOUND) {
        throw failure;
      }
    }
  }
}
