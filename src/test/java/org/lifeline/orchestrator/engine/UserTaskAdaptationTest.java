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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
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

  @Test
  void theTasksPriorityBecomesALocalVariableAndItsDueDateAHeader() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("urgent")
            .startEvent()
            .userTask(
                "Task_Urgent",
                task ->
                    task.zeebeUserTask()
                        .zeebeCandidateGroups("curators")
                        .zeebeTaskPriorityExpression("if riskLevel = \"HIGH\" then 90 else 30")
                        .zeebeDueDateExpression("now() + duration(\"PT15M\")")
                        .zeebeInputExpression("riskLevel", "levelSeen"))
            .userTask("Task_Plain", task -> task.zeebeUserTask().zeebeCandidateGroups("curators"))
            .endEvent()
            .done();
    byte[] adapted = UserTaskAdaptation.toJobWorkerUserTasks(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    client.newDeployResourceCommand().addResourceBytes(adapted, "urgent.bpmn").send().join();
    client.newCreateInstanceCommand().bpmnProcessId("urgent").latestVersion().variables(Map.of("riskLevel", "HIGH")).send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));

    ActivatedJob urgent = activateOne();
    assertThat(urgent.getVariablesAsMap())
        .containsEntry(UserTaskAdaptation.PRIORITY_VARIABLE, 90)
        .as("the model's own input mapping is kept")
        .containsEntry("levelSeen", "HIGH");
    Instant due = ZonedDateTime.parse(urgent.getCustomHeaders().get(UserTaskAdaptation.DUE_DATE_HEADER)).toInstant();
    assertThat(Duration.between(Instant.now(), due)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
    client.newCompleteCommand(urgent.getKey()).send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));

    ActivatedJob plain = activateOne();
    assertThat(plain.getVariablesAsMap().getOrDefault(UserTaskAdaptation.PRIORITY_VARIABLE, UserTaskAdaptation.DEFAULT_PRIORITY))
        .as("a task without a priority of its own has Camunda's default (the model builder writes it out)")
        .isEqualTo(UserTaskAdaptation.DEFAULT_PRIORITY);
    assertThat(plain.getCustomHeaders()).doesNotContainKey(UserTaskAdaptation.DUE_DATE_HEADER);
  }

  private ActivatedJob activateOne() {
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(UserTaskAdaptation.JOB_TYPE).maxJobsToActivate(2).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  @Test
  void aModelWithoutCamundaUserTasksIsDeployedAsItIs() {
    byte[] original =
        Bpmn.convertToString(Bpmn.createExecutableProcess("plain").startEvent().endEvent().done())
            .getBytes(StandardCharsets.UTF_8);
    assertThat(UserTaskAdaptation.toJobWorkerUserTasks(original)).isSameAs(original);
  }
}
