package org.lifeline.orchestrator.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Opens the escalation (listed in the console, in the request's history) and queues the crisis resources for the
 * person unless the signal that started it did so already: once per escalation, however often the job is delivered.
 * Returns {@code escalationOpenedAt}, where the supervisors' review limits count from: a re-driven escalation keeps
 * the time its first instance opened.
 */
@Component
public class SendCrisisResourcesWorker {

  private final Escalations escalations;
  private final CrisisResources crisisResources;
  private final EngineRun engineRun;

  SendCrisisResourcesWorker(Escalations escalations, CrisisResources crisisResources, EngineRun engineRun) {
    this.escalations = escalations;
    this.crisisResources = crisisResources;
    this.engineRun = engineRun;
  }

  @JobWorker(type = RiskEscalationProcess.JOB_SEND_CRISIS_RESOURCES)
  public Map<String, Object> sendCrisisResources(
      ActivatedJob job, @Variable String requestId, @Variable String riskLevel, @Variable String signal) {
    Escalation escalation =
        escalations.open(
            UUID.fromString(requestId),
            engineRun.id(),
            job.getProcessInstanceKey(),
            riskLevel == null ? null : RiskLevel.valueOf(riskLevel),
            signal == null ? "unknown" : signal);
    crisisResources.offer(escalation.getRequestId(), CrisisLineArguments.TEMPLATE + ":" + escalation.getId());
    return Map.of(RiskEscalationProcess.Variables.OPENED_AT, escalations.ladderStartedAt(escalation).toString());
  }
}
