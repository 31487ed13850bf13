package org.lifeline.orchestrator.curator;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.lifeline.orchestrator.engine.ProcessModelDeployer.ModelResource;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.escalation.RiskEscalationProcess;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every Camunda user task of every model in {@code bpmn/} (whatever models exist) is served by the
 * embedded inbox: each one is started directly on the embedded engine and must show up in the
 * task API's backend with its name, candidate groups and form.
 */
@PlatformTest
class EveryUserTaskReachesTheInboxTest {

  @Autowired ProcessModelDeployer deployer;
  @Autowired CamundaClient client;
  @Autowired TaskBackend backend;
  @Autowired TaskModels models;
  @Autowired Clock clock;

  @TestFactory
  Stream<DynamicTest> everyCamundaUserTaskIsAnInboxTask() {
    deployer.ensureDeployed();
    List<DynamicTest> tests = new ArrayList<>();
    for (ModelResource model : deployer.modelResources()) {
      if (!model.name().endsWith(".bpmn")) {
        continue;
      }
      BpmnModelInstance original = Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
      BpmnModelInstance adapted =
          Bpmn.readModelFromStream(new ByteArrayInputStream(UserTaskAdaptation.toJobWorkerUserTasks(model.content())));
      for (UserTask task : original.getModelElementsByType(UserTask.class)) {
        if (task.getExtensionElements() == null
            || task.getExtensionElements().getChildElementsByType(ZeebeUserTask.class).isEmpty()) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(model.name() + " " + task.getId(), () -> reachesTheInbox(task, adapted)));
      }
    }
    assertThat(tests).as("user tasks found in bpmn/").isNotEmpty();
    return tests.stream();
  }

  private void reachesTheInbox(UserTask task, BpmnModelInstance adapted) {
    UserTask adaptedTask = adapted.getModelElementById(task.getId());
    assertThat(adaptedTask.getExtensionElements().getChildElementsByType(ZeebeUserTask.class)).isEmpty();

    String processId = processOf(task);
    UUID requestId = UUID.randomUUID();
    Map<String, Object> variables = new HashMap<>();
    variables.put("requestId", requestId.toString());
    if (RiskEscalationProcess.PROCESS_ID.equals(processId)) {
      // Set by the step before the review in every real escalation: the review's limits and due date count from it.
      variables.put(RiskEscalationProcess.Variables.OPENED_AT, clock.instant().toString());
    }
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(variables)
            .startBeforeElement(task.getId())
            .send()
            .join()
            .getProcessInstanceKey();
    try {
      CuratorTask served =
          Awaitility.await()
              .atMost(Duration.ofSeconds(15))
              .pollInterval(Duration.ofMillis(50))
              .until(
                  () ->
                      backend.openTasks(new TaskQuery(null, null)).stream()
                          .filter(open -> requestId.equals(open.requestId()) && open.elementId().equals(task.getId()))
                          .findFirst()
                          .orElse(null),
                  open -> open != null);

      assertThat(served.processId()).isEqualTo(processId);
      assertThat(served.name()).isEqualTo(task.getName() == null ? task.getId() : task.getName());
      assertThat(served.candidateGroups()).containsExactlyInAnyOrderElementsOf(candidateGroups(task));
      TaskModels.UserTaskDefinition definition = models.task(processId, task.getId()).orElseThrow();
      assertThat(served.formId()).isEqualTo(definition.formId());
      if (definition.formId() != null) {
        assertThat(models.form(definition.formId())).as("form %s in bpmn/forms", definition.formId()).isPresent();
      }
    } finally {
      client.newCancelInstanceCommand(instance).send().join();
    }
  }

  private static List<String> candidateGroups(UserTask task) {
    return task.getExtensionElements().getChildElementsByType(ZeebeAssignmentDefinition.class).stream()
        .map(ZeebeAssignmentDefinition::getCandidateGroups)
        .filter(groups -> groups != null && !groups.isBlank())
        .flatMap(groups -> Arrays.stream(groups.split(",")).map(String::trim))
        .toList();
  }

  private static String processOf(UserTask task) {
    var parent = task.getParentElement();
    while (!(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return ((Process) parent).getId();
  }
}
