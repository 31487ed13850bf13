package org.lifeline.orchestrator.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A job that fails until its retries run out becomes an incident an admin sees, with its request id. */
@PlatformTest
class IncidentsVisibleToAdminsTest {

  static final String PROCESS_ID = "incident-test";
  static final String JOB_TYPE = "failForIncidentTest";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;

  @Test
  void aJobOutOfRetriesIsAnOpenIncidentUntilResolved() throws Exception {
    client
        .newDeployResourceCommand()
        .addResourceStringUtf8(
            Bpmn.convertToString(
                Bpmn.createExecutableProcess(PROCESS_ID)
                    .startEvent("StartEvent_Test")
                    .serviceTask("Task_Fail", task -> task.zeebeJobType(JOB_TYPE))
                    .endEvent("EndEvent_Test")
                    .done()),
            PROCESS_ID + ".bpmn")
        .send()
        .join();
    UUID requestId = UUID.randomUUID();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS_ID)
            .latestVersion()
            .variables(Map.of("requestId", requestId.toString()))
            .send()
            .join()
            .getProcessInstanceKey();
    ActivatedJob job = activate();
    client.newFailCommand(job.getKey()).retries(0).errorMessage("channel gateway refused the message").send().join();

    JsonNode incident = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> incidentOf(instance), found -> found != null);
    assertThat(incident.get("processId").asText()).isEqualTo(PROCESS_ID);
    assertThat(incident.get("elementId").asText()).isEqualTo("Task_Fail");
    assertThat(incident.get("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.get("errorMessage").asText()).isEqualTo("channel gateway refused the message");
    assertThat(incident.get("jobKey").asLong()).isEqualTo(job.getKey());
    assertThat(incident.get("requestId").asText()).isEqualTo(requestId.toString());

    mvc.perform(get("/api/v1/admin/incidents").with(httpBasic("supervisor", "demo"))).andExpect(status().isForbidden());

    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.get("incidentKey").asLong()).send().join();
    client.newCompleteCommand(activate().getKey()).send().join();
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> incidentOf(instance) == null);
  }

  private ActivatedJob activate() {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> client.newActivateJobsCommand().jobType(JOB_TYPE).maxJobsToActivate(1).send().join().getJobs(),
            jobs -> !jobs.isEmpty())
        .get(0);
  }

  private JsonNode incidentOf(long processInstanceKey) throws Exception {
    JsonNode incidents =
        json.readTree(
            mvc.perform(get("/api/v1/admin/incidents").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (JsonNode incident : incidents) {
      if (incident.get("processInstanceKey").asLong() == processInstanceKey) {
        return incident;
      }
    }
    return null;
  }
}
