package org.lifeline.orchestrator.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.lifeline.orchestrator.engine.EngineRun;
import org.springframework.stereotype.Component;

/** The review was not done within the first limit: alerts the backup on-duty supervisor on their channel. Recorded in the request's history; not repeated once recorded. */
@Component
public class NotifyBackupSupervisorWorker {

  private final Escalations escalations;
  private final EngineRun engineRun;

  NotifyBackupSupervisorWorker(Escalations escalations, EngineRun engineRun) {
    this.escalations = escalations;
    this.engineRun = engineRun;
  }

  @JobWorker(type = RiskEscalationProcess.JOB_NOTIFY_BACKUP_SUPERVISOR)
  public void notifyBackupSupervisor(ActivatedJob job) {
    escalations.alertStaff(engineRun.id(), job.getProcessInstanceKey(), EscalationStep.BACKUP_NOTIFIED);
  }
}
