package org.lifeline.orchestrator.curator;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Embedded mode: takes every job-worker user task (see {@link UserTaskAdaptation}) into the
 * platform's inbox. The job stays activated, not completed, until a person completes the task
 * through the task API; the long timeout keeps other workers off it (the inbox renews it).
 * The curator's context comes from the database; of the job's variables (ids, codes, flags and staff names only, like
 * every process variable) the inbox keeps the request id, the task's priority and what its form shows.
 */
@Component
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "embedded", matchIfMissing = true)
public class UserTaskWorker {

  /** 30 days: a task waits for a person, not for a machine. */
  static final long TIMEOUT_MILLIS = 30L * 24 * 60 * 60 * 1000;

  private final EmbeddedTaskBackend inbox;

  UserTaskWorker(EmbeddedTaskBackend inbox) {
    this.inbox = inbox;
  }

  @JobWorker(
      type = UserTaskAdaptation.JOB_TYPE,
      autoComplete = false,
      timeout = TIMEOUT_MILLIS,
      fetchAllVariables = true)
  public void userTask(ActivatedJob job) {
    inbox.record(job);
  }
}
