package org.lifeline.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reads of a request's sensitive data and staff actions are in the access audit; only admins see it. */
@PlatformTest
class AccessAuditTest {

  static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");
  static final RequestPostProcessor SPECIALIST = httpBasic("specialist", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void readsAndStaffActionsAreAuditedWithIdsButNoContent() throws Exception {
    Instant before = Instant.now();
    String marker = "AUDIT-MARKER-" + UUID.randomUUID();
    ApiClient api = new ApiClient(mvc, json);
    api.createRequest(json.writeValueAsString(Map.of("channel", "web", "channelUserId", marker, "age", 30)));
    // A second request stating another age goes to a curator's review.
    JsonNode created =
        api.createRequest(
            json.writeValueAsString(
                Map.of("channel", "web", "channelUserId", marker, "displayName", marker, "message", marker, "age", 24)));
    UUID requestId = UUID.fromString(created.get("id").asText());
    UUID contactId = UUID.fromString(created.get("contactId").asText());

    mvc.perform(get("/api/v1/requests/{id}", requestId).with(ADMIN)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/contacts/{id}/requests", contactId).with(ADMIN)).andExpect(status().isOk());
    String taskId = awaitReviewTask(requestId);
    mvc.perform(get("/api/v1/tasks/{id}", taskId).with(CURATOR)).andExpect(status().isOk());
    mvc.perform(post("/api/v1/tasks/{id}/claim", taskId).with(CURATOR)).andExpect(status().isNoContent());
    mvc.perform(post("/api/v1/tasks/{id}/unclaim", taskId).with(CURATOR)).andExpect(status().isNoContent());

    JsonNode ofRequest = audit("requestId=" + requestId);
    assertThat(ofRequest.toString()).doesNotContain(marker);
    List<String> entries = new ArrayList<>();
    ofRequest.get("content").forEach(entry -> entries.add(
        entry.get("actor").asText() + " " + entry.get("kind").asText() + " " + entry.get("action").asText()));
    assertThat(entries)
        .contains(
            "admin READ GET /api/v1/requests/{id}",
            "curator READ GET /api/v1/tasks/{id}",
            "curator ACTION POST /api/v1/tasks/{id}/claim",
            "curator ACTION POST /api/v1/tasks/{id}/unclaim");
    assertThat(ofRequest.get("content").get(0).get("action").asText()).isEqualTo("POST /api/v1/tasks/{id}/unclaim");
    assertThat(ofRequest.get("content").get(0).get("subject").asText()).isEqualTo("id=" + taskId);

    JsonNode contactRead = audit("actor=admin&from=" + before);
    assertThat(contactRead.toString()).contains("GET /api/v1/contacts/{contactId}/requests", "contactId=" + contactId);

    JsonNode ofCurator = audit("actor=curator&requestId=" + requestId + "&size=1");
    assertThat(ofCurator.get("content")).hasSize(1);
    assertThat(ofCurator.get("totalElements").asLong()).isEqualTo(3);
    assertThat(audit("requestId=" + requestId + "&to=" + before).get("totalElements").asLong()).isZero();
  }

  @Test
  void refusedAccessIsAuditedSoThatProbingShows() throws Exception {
    String marker = "PROBE-" + UUID.randomUUID();
    ApiClient api = new ApiClient(mvc, json);
    api.createRequest(json.writeValueAsString(Map.of("channel", "web", "channelUserId", marker, "age", 30)));
    JsonNode created =
        api.createRequest(json.writeValueAsString(Map.of("channel", "web", "channelUserId", marker, "age", 24)));
    UUID requestId = UUID.fromString(created.get("id").asText());
    String taskId = awaitReviewTask(requestId);
    UUID unknown = UUID.randomUUID();

    mvc.perform(get("/api/v1/tasks/{id}", taskId).with(SPECIALIST)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/requests/{id}", unknown).with(CURATOR)).andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/requests/{id}/messages", unknown).with(CURATOR).contentType("application/json").content("{\"text\":\"hi\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/requests/{id}/messages", requestId).with(CURATOR).contentType("application/json").content("{}"))
        .andExpect(status().isBadRequest());

    JsonNode ofTask = audit("actor=specialist&requestId=" + requestId + "&refused=true");
    assertThat(ofTask.get("content")).singleElement().satisfies(entry -> {
      assertThat(entry.get("action").asText()).isEqualTo("GET /api/v1/tasks/{id}");
      assertThat(entry.get("kind").asText()).isEqualTo("READ");
      assertThat(entry.get("status").asInt()).isEqualTo(403);
    });
    JsonNode ofUnknown = audit("actor=curator&requestId=" + unknown);
    List<String> refusals = new ArrayList<>();
    ofUnknown.get("content").forEach(entry -> refusals.add(entry.get("action").asText() + " " + entry.get("status").asInt()));
    assertThat(refusals).containsExactlyInAnyOrder("GET /api/v1/requests/{id} 404", "POST /api/v1/requests/{id}/messages 404");
    assertThat(audit("actor=curator&requestId=" + requestId + "&refused=true").get("totalElements").asLong())
        .as("invalid input reads and changes nothing: not a refusal")
        .isZero();
  }

  @Test
  void onlyAdminsReadTheAudit() throws Exception {
    mvc.perform(get("/api/v1/admin/audit").with(CURATOR)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/admin/audit").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/admin/audit")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/admin/audit").param("size", "501").with(ADMIN)).andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/admin/audit").param("from", "yesterday").with(ADMIN)).andExpect(status().isBadRequest());
  }

  private JsonNode audit(String query) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/v1/admin/audit?" + query).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private String awaitReviewTask(UUID requestId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> reviewTaskId(requestId), id -> id != null);
  }

  private String reviewTaskId(UUID requestId) throws Exception {
    JsonNode tasks =
        json.readTree(
            mvc.perform(get("/api/v1/tasks").with(CURATOR)).andReturn().getResponse().getContentAsString());
    for (JsonNode task : tasks) {
      if (requestId.toString().equals(task.path("requestId").asText())
          && HelpRequestProcess.Elements.TASK_REVIEW_QUALIFICATION.equals(task.path("elementId").asText())) {
        return task.get("id").asText();
      }
    }
    return null;
  }
}
