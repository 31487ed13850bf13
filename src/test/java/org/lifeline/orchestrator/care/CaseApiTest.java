package org.lifeline.orchestrator.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Assignment and help delivery end to end through the API: a specialist registered by a curator is
 * proposed for a request that completed the questionnaire, auto-confirmed (low risk), accepts through the
 * task inbox, records a session and closes the case; the request moves on to feedback.
 */
@PlatformTest
class CaseApiTest {

  private static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  private static final RequestPostProcessor SPECIALIST = httpBasic("specialist", "demo");
  private static final RequestPostProcessor OTHER_SPECIALIST = user("other-specialist").roles(Roles.SPECIALIST);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CuratorTasks tasks;
  @Autowired JdbcClient jdbc;

  @Test
  void aSpecialistAcceptsRecordsASessionAndClosesTheCaseAsHelped() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    // Russian-speaking seniors: no other test's request matches this specialist in the shared platform.
    String specialistId = registerSpecialist();
    UUID requestId = request(api, 70);
    for (String[] answer : List.of(
        new String[] {"topic", "grief"},
        new String[] {"topicDetails", "private words"},
        new String[] {"safetyThoughts", "no"},
        new String[] {"safetyImmediate", "no"},
        new String[] {"language", "ru"},
        new String[] {"contactTime", "evening"})) {
      answer(requestId, answer[0], answer[1]);
    }

    api.awaitRequest(requestId, request -> "ASSIGNED".equals(request.get("status").asText()));
    mvc.perform(post("/api/v1/cases/{id}/sessions", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content(session()))
        .andExpect(status().isConflict());

    new TaskInbox(tasks)
        .complete(
            requestId,
            HelpRequestProcess.Elements.TASK_RESPOND_TO_ASSIGNMENT,
            "specialist",
            Roles.SPECIALIST,
            Map.of(HelpRequestProcess.Variables.ASSIGNMENT_RESPONSE, "accept"));
    api.awaitRequest(requestId, request -> "IN_PROGRESS".equals(request.get("status").asText()));

    mvc.perform(post("/api/v1/cases/{id}/sessions", requestId).with(OTHER_SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content(session()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/cases/{id}/closure", requestId).with(OTHER_SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"helped\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/cases/{id}/closure", requestId).with(CURATOR).contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"helped\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/cases/{id}/sessions", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content("{\"durationMinutes\":0}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'at')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'durationMinutes')]").exists());

    mvc.perform(post("/api/v1/cases/{id}/sessions", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content(session()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.durationMinutes").value(50))
        .andExpect(jsonPath("$.note").doesNotExist());
    String stored =
        jdbc.sql("select note from care_session where request_id = :id").param("id", requestId).query(String.class).single();
    assertThat(stored).as("the note is encrypted at rest").doesNotContain("slept better");

    mvc.perform(post("/api/v1/cases/{id}/closure", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"cured\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/api/v1/cases/{id}/closure", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"helped\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("helped"))
        .andExpect(jsonPath("$.specialistId").value(specialistId));
    mvc.perform(post("/api/v1/cases/{id}/closure", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"helped\"}"))
        .andExpect(status().isOk());
    mvc.perform(post("/api/v1/cases/{id}/closure", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"referred\"}"))
        .andExpect(status().isConflict());

    JsonNode feedback = api.awaitRequest(requestId, request -> "FEEDBACK".equals(request.get("status").asText()));
    api.awaitRequest(
        requestId, request -> ApiClient.countOutbound(request, AssignmentService.TEMPLATE_ASSIGNMENT_NOTICE) == 1);
    assertThat(statuses(feedback)).containsSubsequence("AWAITING_ASSIGNMENT", "ASSIGNED", "IN_PROGRESS", "FEEDBACK");
    mvc.perform(get("/api/v1/specialists/{id}", specialistId).with(CURATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.activeCases").value(0));
    mvc.perform(post("/api/v1/cases/{id}/sessions", requestId).with(SPECIALIST).contentType(MediaType.APPLICATION_JSON)
            .content(session()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/specialists/{id}/pause", specialistId).with(CURATOR)).andExpect(status().isOk());
  }

  private String registerSpecialist() throws Exception {
    String body =
        """
        {"name":"Demo Specialist","username":"specialist","languages":["ru"],"topics":["grief"],"ageGroups":["SENIOR"],
         "timeZone":"Europe/Kyiv","maxCases":1,"shifts":[{"day":"MONDAY","start":"09:00","end":"17:00"}]}
        """;
    String created =
        mvc.perform(post("/api/v1/specialists").with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(created).get("id").asText();
  }

  private UUID request(ApiClient api, int age) throws Exception {
    JsonNode created =
        api.createRequest(
            json.writeValueAsString(
                Map.of("channel", "telegram", "channelUserId", "case-" + UUID.randomUUID(), "language", "ru", "age", age)));
    UUID id = UUID.fromString(created.get("id").asText());
    api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    return id;
  }

  private void answer(UUID requestId, String questionId, String answer) throws Exception {
    mvc.perform(
            post("/api/v1/requests/{id}/questionnaire/answers", requestId)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("questionId", questionId, "answer", answer))))
        .andExpect(status().isOk());
  }

  private static String session() {
    return "{\"at\":\"2026-11-20T10:00:00Z\",\"durationMinutes\":50,\"note\":\"slept better this week\"}";
  }

  private static List<String> statuses(JsonNode request) {
    List<String> statuses = new ArrayList<>();
    request.get("history").forEach(entry -> {
      if ("STATUS_CHANGED".equals(entry.get("type").asText())) {
        statuses.add(entry.get("status").asText());
      }
    });
    return statuses;
  }
}
