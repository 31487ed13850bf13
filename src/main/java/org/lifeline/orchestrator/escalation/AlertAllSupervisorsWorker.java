package org.lifeline.orchestrator.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.lifeline.orchestrator.engine.EngineRun;
import org.springframework.stereotype.Component;

/** Nor within the second limit: alerts every supervisor in lifeline.escalation.on-duty.all. Recorded in the request's history; not repeated once recorded. */
@Component
public class AlertAllSupervisorsWorker {

  private final Escalations escalations;
  private final EngineRun engineRun;

  AlertAllSupervisorsWorker(Escalations escalations, EngineRun engineRun) {
    this.escalations = escalations;
    this.engineRun = engineRun;
  }

  @JobWorker(type = RiskEscalationProcess.JOB_ALERT_ALL_SUPERVISORS)
  public void alertAllSupervisors(ActivatedJob job) {
    escalations.alertStaff(engineRun.id(), job.getProcessInstanceKey(), EscalationStep.ALL_SUPERVISORS_ALERTED);
  }
}
