package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Redeploying the models without a restart. */
@PlatformTest
class DeploymentApiTest {

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired ResourcePatternResolver resources;
  @Autowired EngineProperties engineProperties;

  @TempDir Path folder;

  @Test
  void anAdminRedeploysTheModelsAndSeesWhatTheEngineHolds() throws Exception {
    mvc.perform(post("/api/v1/admin/deployments").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.location").value("classpath*:bpmn/"))
        .andExpect(jsonPath("$.processes[?(@.processId == 'help-request')].resourceName").value("help-request.bpmn"))
        .andExpect(jsonPath("$.processes[?(@.processId == 'help-request')].version").isNotEmpty())
        .andExpect(jsonPath("$.decisions").isArray())
        .andExpect(jsonPath("$.forms").isArray());
  }

  @Test
  void onlyAdminsRedeploy() throws Exception {
    mvc.perform(post("/api/v1/admin/deployments").with(httpBasic("curator", "demo"))).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/admin/deployments").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/admin/deployments"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aFileFolderIsReadAfreshOnEveryDeployment() throws IOException {
    Path model = folder.resolve("probes/redeploy-probe.bpmn");
    Files.createDirectories(model.getParent());
    Files.writeString(folder.resolve("probes/probe.form"), "{\"id\": \"redeploy-probe-form\", \"type\": \"default\", \"components\": []}");
    Files.writeString(model, probe("Probe"));
    ProcessModelDeployer deployer = new ProcessModelDeployer(client, resources, engineProperties, "file:" + folder);

    Process first = probeIn(deployer.deploy());
    Files.writeString(model, probe("Probe, edited"));
    Process edited = probeIn(deployer.deploy());
    DeploymentEvent unchanged = deployer.deploy();

    assertThat(first.getResourceName()).isEqualTo("probes/redeploy-probe.bpmn");
    assertThat(edited.getVersion()).isEqualTo(first.getVersion() + 1);
    assertThat(probeIn(unchanged).getVersion()).isEqualTo(edited.getVersion());
    assertThat(unchanged.getForm()).singleElement().satisfies(form -> {
      assertThat(form.getFormId()).isEqualTo("redeploy-probe-form");
      assertThat(form.getResourceName()).isEqualTo("probes/probe.form");
    });
    assertThat(Files.readString(model)).contains("zeebe:userTask");
    assertThat(deployedXml(edited.getProcessDefinitionKey()))
        .contains("Probe, edited")
        .contains("Task_Review")
        .doesNotContain("zeebe:userTask");
  }

  @Test
  void anEmptyFolderIsNotDeployed() {
    ProcessModelDeployer deployer = new ProcessModelDeployer(client, resources, engineProperties, "file:" + folder + "/");

    assertThatThrownBy(deployer::deploy)
        .isInstanceOf(ProcessModelDeployer.NoModelsException.class)
        .hasMessageContaining(folder.toString());
  }

  private static String probe(String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Probe" targetNamespace="http://lifeline.org/bpmn">
          <bpmn:process id="redeploy-probe" name="%s" isExecutable="true">
            <bpmn:startEvent id="StartEvent_Probe" />
            <bpmn:userTask id="Task_Review">
              <bpmn:extensionElements>
                <zeebe:userTask />
                <zeebe:formDefinition formId="redeploy-probe-form" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="EndEvent_Probe" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Probe" targetRef="Task_Review" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="EndEvent_Probe" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(name).strip();
  }


  private static Process probeIn(DeploymentEvent event) {
    return event.getProcesses().stream()
        .filter(process -> process.getBpmnProcessId().equals("redeploy-probe"))
        .findFirst()
        .orElseThrow();
  }

  /** The model as the engine got it (after the embedded mode's user-task adaptation). */
  private String deployedXml(long processDefinitionKey) {
    List<Record<?>> records = new ArrayList<>();
    engine.getRecordStreamSource().getRecords().forEach(records::add);
    return records.stream()
        .filter(record -> record.getValueType() == ValueType.PROCESS && record.getKey() == processDefinitionKey)
        .map(record -> (io.camunda.zeebe.protocol.record.value.deployment.Process) record.getValue())
        .map(process -> new String(process.getResource(), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }

}
