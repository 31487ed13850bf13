package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Reassignment of an accepted case end to end on the shared platform, with the real workers: who may ask, when it is
 * refused (409), and what the process does: the holder released and excluded, the chosen specialist reserved and
 * offered the case again, the person told once, the board following. Russian-speaking young adults: no other test's
 * request is assigned to these specialists.
 */
@PlatformTest
class ReassignmentApiTest {

  private static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CuratorTasks tasks;
  @Autowired JdbcClient jdbc;

  @Test
  void aCuratorMovesAnAcceptedCaseToAnotherSpecialistWhoIsAskedToAcceptIt() throws Exception {
    HeldCases cases = new HeldCases(mvc, json, tasks);
    ApiClient api = new ApiClient(mvc, json);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String holderName = "reassign-a-" + suffix;
    String chosenName = "reassign-b-" + suffix;
    String holder = cases.registerSpecialist(holderName, "Anna First", "ru", "YOUNG_ADULT");
    UUID requestId = request(api);
    cases.completeQuestionnaire(requestId, "ru");
    api.awaitRequest(requestId, request -> "ASSIGNED".equals(request.get("status").asText()));
    String chosen = cases.registerSpecialist(chosenName, "Boris Second", "ru", "YOUNG_ADULT");
    try {
      reassign(requestId, chosen, CURATOR)
          .andExpect(status().isConflict())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ASSIGNED")));
      cases.accept(requestId, holderName);
      api.awaitRequest(requestId, request -> "IN_PROGRESS".equals(request.get("status").asText()));

      reassign(requestId, chosen, httpBasic("specialist", "demo")).andExpect(status().isForbidden());
      reassign(requestId, chosen, user("operator").roles(Roles.ADMIN)).andExpect(status().isForbidden());
      mvc.perform(
              post("/api/v1/requests/{id}/reassignment", requestId)
                  .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body(chosen)))
          .andExpect(status().isForbidden());
      mvc.perform(post("/api/v1/requests/{id}/reassignment", requestId).contentType(MediaType.APPLICATION_JSON).content(body(chosen)))
          .andExpect(status().isUnauthorized());

      reassign(requestId, holder, CURATOR)
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.detail").value("Anna First holds this case already"));
      reassign(requestId, UUID.randomUUID().toString(), CURATOR)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("specialistId"));
      mvc.perform(post("/api/v1/requests/{id}/reassignment", requestId).with(CURATOR).contentType(MediaType.APPLICATION_JSON).content("{}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("specialistId"));
      reassign(UUID.randomUUID(), chosen, CURATOR).andExpect(status().isNotFound());
      mvc.perform(post("/api/v1/specialists/{id}/pause", chosen).with(CURATOR)).andExpect(status().isOk());
      reassign(requestId, chosen, CURATOR)
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.detail").value("Boris Second is paused"));
      mvc.perform(post("/api/v1/specialists/{id}/resume", chosen).with(CURATOR)).andExpect(status().isOk());
      assertThat(boardRow(requestId).get("assignedSpecialist").get("username").asText()).isEqualTo(holderName);

      reassign(requestId, chosen, CURATOR)
          .andExpect(status().isAccepted())
          .andExpect(jsonPath("$.from.username").value(holderName))
          .andExpect(jsonPath("$.to.username").value(chosenName))
          .andExpect(jsonPath("$.requestedBy").value("curator"));
      reassign(requestId, chosen, CURATOR).andExpect(status().isConflict());

      JsonNode assigned = api.awaitRequest(requestId, request -> "ASSIGNED".equals(request.get("status").asText()));
      assertThat(reassignedEntries(assigned))
          .as("released and reserved again, the curator named as the actor")
          .containsExactly("AWAITING_ASSIGNMENT REASSIGNED curator", "ASSIGNED REASSIGNED curator");
      assertThat(activeCases(holder)).isZero();
      assertThat(activeCases(chosen)).isEqualTo(1);
      assertThat(
              jdbc.sql("select reason from assignment_exclusion where request_id = :request and specialist_id = :specialist")
                  .param("request", requestId)
                  .param("specialist", UUID.fromString(holder))
                  .query(String.class)
                  .single())
          .isEqualTo(HelpRequestProcess.ExclusionReasons.REASSIGNED);
      JsonNode row = boardRow(requestId);
      assertThat(row.get("assignedSpecialist").get("username").asText()).isEqualTo(chosenName);
      assertThat(row.get("openTasks").get(0).get("elementId").asText()).isEqualTo(HelpRequestProcess.Elements.TASK_RESPOND_TO_ASSIGNMENT);
      assertThat(row.get("openTasks").get(0).get("assignee").asText()).isEqualTo(chosenName);

      cases.accept(requestId, chosenName);
      JsonNode told =
          api.awaitRequest(
              requestId,
              request ->
                  "IN_PROGRESS".equals(request.get("status").asText())
                      && ApiClient.hasOutbound(request, AssignmentService.TEMPLATE_REASSIGNMENT_NOTICE));
      assertThat(ApiClient.countOutbound(told, AssignmentService.TEMPLATE_REASSIGNMENT_NOTICE)).as("told once").isEqualTo(1);
      assertThat(ApiClient.countOutbound(told, AssignmentService.TEMPLATE_ASSIGNMENT_NOTICE)).isEqualTo(1);
    } finally {
      cases.pause(holder);
      cases.pause(chosen);
    }
  }

  @Test
  void theConsoleFormAsksTheSameAndTellsWhyItCannot() throws Exception {
    RequestPostProcessor consoleCurator = user("curator").roles(Roles.CURATOR);
    UUID requestId = request(new ApiClient(mvc, json));

    mvc.perform(post("/console/board/requests/{id}/reassignment", requestId).with(consoleCurator).param("specialistId", UUID.randomUUID().toString()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/console/board/requests/{id}/reassignment", requestId)
                .with(consoleCurator)
                .with(csrf())
                .param("specialistId", UUID.randomUUID().toString()))
        .andExpect(redirectedUrl("/console/board/requests/" + requestId))
        .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("only a case a specialist has accepted")));
    mvc.perform(
            post("/console/board/requests/{id}/reassignment", requestId)
                .with(user("specialist").roles(Roles.SPECIALIST))
                .with(csrf())
                .param("specialistId", UUID.randomUUID().toString()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/console/board/requests/{id}", requestId).with(consoleCurator))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Only a case a specialist has accepted")));
  }

  private UUID request(ApiClient api) throws Exception {
    JsonNode created =
        api.createRequest(
            json.writeValueAsString(
                Map.of("channel", "telegram", "channelUserId", "reassign-" + UUID.randomUUID(), "language", "ru", "age", 22)));
    UUID id = UUID.fromString(created.get("id").asText());
    api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    return id;
  }

  private ResultActions reassign(UUID requestId, String specialistId, RequestPostProcessor caller) throws Exception {
    return mvc.perform(
        post("/api/v1/requests/{id}/reassignment", requestId)
            .with(caller)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(specialistId)));
  }

  private String body(String specialistId) throws Exception {
    return json.writeValueAsString(Map.of("specialistId", specialistId));
  }

  private JsonNode boardRow(UUID requestId) throws Exception {
    JsonNode page =
        json.readTree(
            mvc.perform(get("/api/v1/requests").with(CURATOR).param("stage", "assignment,care").param("size", "200"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (JsonNode row : page.get("content")) {
      if (row.get("id").asText().equals(requestId.toString())) {
        return row;
      }
    }
    throw new AssertionError("request " + requestId + " is not on the board");
  }

  private int activeCases(String specialistId) {
    return jdbc.sql("select active_cases from specialist where id = :id")
        .param("id", UUID.fromString(specialistId))
        .query(Integer.class)
        .single();
  }

  private static List<String> reassignedEntries(JsonNode request) {
    List<String> entries = new ArrayList<>();
    for (JsonNode entry : request.get("history")) {
      if ("STATUS_CHANGED".equals(entry.get("type").asText()) && "REASSIGNED".equals(entry.path("reason").asText())) {
        entries.add(entry.get("status").asText() + " " + entry.get("reason").asText() + " " + entry.get("actor").asText());
      }
    }
    return entries;
  }
}
