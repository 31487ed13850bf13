package org.lifeline.orchestrator.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.lifeline.orchestrator.engine.EngineRun;
import org.springframework.stereotype.Component;

/** Alerts the primary on-duty supervisor on their channel as soon as an escalation opens. Recorded in the request's history; not repeated once recorded. */
@Component
public class NotifyOnDutySupervisorWorker {

  private final Escalations escalations;
  private final EngineRun engineRun;

  NotifyOnDutySupervisorWorker(Escalations escalations, EngineRun engineRun) {
    this.escalations = escalations;
    this.engineRun = engineRun;
  }

  @JobWorker(type = RiskEscalationProcess.JOB_NOTIFY_ON_DUTY_SUPERVISOR)
  public void notifyOnDutySupervisor(ActivatedJob job) {
    escalations.alertStaff(engineRun.id(), job.getProcessInstanceKey(), EscalationStep.ON_DUTY_NOTIFIED);
  }
}
