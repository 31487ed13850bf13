package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plays the platform's workers in process tests on the in-memory engine: takes the jobs of one type, completes them,
 * publishes messages, and lets the engine settle after each step.
 */
public final class ProcessTestJobs {

  private static final Duration IDLE = Duration.ofSeconds(5);

  private final ZeebeTestEngine engine;
  private final ZeebeClient client;

  public ProcessTestJobs(ZeebeTestEngine engine, ZeebeClient client) {
    this.engine = engine;
    this.client = client;
  }

  /** A model as the embedded mode deploys it: its user tasks become jobs of the task inbox. */
  public static byte[] adapted(String classpathResource) throws IOException {
    return UserTaskAdaptation.toJobWorkerUserTasks(read(classpathResource));
  }

  public static byte[] read(String classpathResource) throws IOException {
    try (InputStream model = ProcessTestJobs.class.getClassLoader().getResourceAsStream(classpathResource)) {
      return model.readAllBytes();
    }
  }

  public List<ActivatedJob> activate(String jobType) throws Exception {
    engine.waitForIdleState(IDLE);
    return client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(10).send().join().getJobs();
  }

  public ActivatedJob activateOne(String jobType) throws Exception {
    List<ActivatedJob> jobs = activate(jobType);
    assertThat(jobs).as("jobs of type %s", jobType).hasSize(1);
    return jobs.get(0);
  }

  public void complete(ActivatedJob job, Map<String, Object> variables) throws Exception {
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    engine.waitForIdleState(IDLE);
  }

  /** Ends the job with a BPMN error, as a worker reporting a business outcome does. */
  public void throwError(ActivatedJob job, String errorCode) throws Exception {
    client.newThrowErrorCommand(job.getKey()).errorCode(errorCode).send().join();
    engine.waitForIdleState(IDLE);
  }

  /** Takes the one job of this type and completes it with these variables. */
  public ActivatedJob complete(String jobType, Map<String, Object> variables) throws Exception {
    ActivatedJob job = activateOne(jobType);
    complete(job, variables);
    return job;
  }

  public ActivatedJob complete(String jobType) throws Exception {
    return complete(jobType, Map.of());
  }

  public void publish(
      String messageName, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables)
      throws Exception {
    client
        .newPublishMessageCommand()
        .messageName(messageName)
        .correlationKey(correlationKey)
        .messageId(messageId)
        .timeToLive(timeToLive)
        .variables(variables)
        .send()
        .join();
    engine.waitForIdleState(IDLE);
  }
}
