package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@ZeebeProcessTest
class UserTaskAdaptationTest {

  ZeebeTestEngine engine;
  ZeebeClient client;

  @Test
  void aCamundaUserTaskBecomesAJobThatCarriesItsAssignmentAndCanBeCompleted() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("review")
            .startEvent()
            .userTask("Task_Review", task -> task.zeebeUserTask().zeebeCandidateGroups("curators").zeebeFormKey("review-form"))
            .endEvent()
            .done();
    byte[] adapted = UserTaskAdaptation.toJobWorkerUserTasks(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));

    assertThat(new String(adapted, StandardCharsets.UTF_8)).doesNotContain("zeebe:userTask");
    client.newDeployResourceCommand().addResourceBytes(adapted, "review.bpmn").send().join();
    var instance = client.newCreateInstanceCommand().bpmnProcessId("review").latestVersion().send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));

    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(UserTaskAdaptation.JOB_TYPE).maxJobsToActivate(1).send().join().getJobs();
    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(job.getElementId()).isEqualTo("Task_Review");
      assertThat(job.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"curators\"]");
    });
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));
    BpmnAssert.assertThat(instance).isCompleted();
  }

  /**
   * The engine gives a job-worker user task one retry; the platform's failure handling gives it back more (see
   * RetryWithBackoffStrategy), and the engine honours them: a task whose recording failed is delivered again, with its
   * headers, instead of becoming an incident.
   */
  @Test
  void aFailedUserTaskJobGivenRetriesIsDeliveredAgainWithoutAnIncident() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("respond")
            .startEvent()
            .userTask("Task_Respond", task -> task.zeebeUserTask().zeebeCandidateGroups("specialists"))
            .endEvent()
            .done();
    client
        .newDeployResourceCommand()
        .addResourceBytes(UserTaskAdaptation.toJobWorkerUserTasks(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)), "respond.bpmn")
        .send()
        .join();
    var instance = client.newCreateInstanceCommand().bpmnProcessId("respond").latestVersion().send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));

    ActivatedJob first = activateUserTask();
    assertThat(first.getRetries()).isOne();
    RetryWithBackoffStrategy.Retries retries = RetryWithBackoffStrategy.afterFailure(first.getType(), first.getRetries());
    client.newFailCommand(first.getKey()).retries(retries.given()).retryBackoff(Duration.ofSeconds(2)).send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));
    assertThat(activateUserTasks()).as("not before its backoff").isEmpty();

    engine.increaseTime(Duration.ofSeconds(3));
    engine.waitForIdleState(Duration.ofSeconds(5));
    ActivatedJob again = activateUserTask();
    assertThat(again.getKey()).isEqualTo(first.getKey());
    assertThat(again.getRetries()).isEqualTo(5);
    assertThat(again.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"specialists\"]");
    BpmnAssert.assertThat(instance).hasNoIncidents();

    client.newCompleteCommand(again.getKey()).send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));
    BpmnAssert.assertThat(instance).isCompleted();
  }

  private ActivatedJob activateUserTask() {
    List<ActivatedJob> jobs = activateUserTasks();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private List<ActivatedJob> activateUserTasks() {
    return client.newActivateJobsCommand().jobType(UserTaskAdaptation.JOB_TYPE).maxJobsToActivate(1).send().join().getJobs();
  }

  @Test
  void aModelWithoutCamundaUserTasksIsDeployedAsItIs() {
    byte[] original =
        Bpmn.convertToString(Bpmn.createExecutableProcess("plain").startEvent().endEvent().done())
            .getBytes(StandardCharsets.UTF_8);
    assertThat(UserTaskAdaptation.toJobWorkerUserTasks(original)).isSameAs(original);
  }
}
