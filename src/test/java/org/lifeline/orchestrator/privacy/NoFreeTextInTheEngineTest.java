package org.lifeline.orchestrator.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Data minimisation: a marker in every free-text field the API takes (intake channelUserId,
 * displayName and message; inbound messages; questionnaire text answers; the risk-assessment text)
 * is driven through the lifecycles that exist (greeting, qualification, curator review,
 * questionnaire to AWAITING_ASSIGNMENT, a specialist's reply once the case is accepted, which publishes
 * FirstReplySent), and no engine record contains any marker. The task forms
 * have no text fields today (FormValidator would keep them as notes); risk-flag reason codes are codes.
 */
@PlatformTest
class NoFreeTextInTheEngineTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ZeebeTestEngine engine;
  @Autowired CuratorTasks tasks;

  final Map<String, String> markers = new LinkedHashMap<>();

  @Test
  void noEngineRecordHoldsAnyFreeText() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    String handle = marker("channelUserId");
    UUID first = create(api, handle, 30, "first");
    api.awaitRequest(first, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    inbound(first, "inbound-first");

    // Another age on a second request of the same person: a curator reviews it first.
    UUID second = create(api, handle, 24, "second");
    new TaskInbox(tasks)
        .complete(second, HelpRequestProcess.Elements.TASK_REVIEW_QUALIFICATION, "curator", Roles.CURATOR, Map.of("reviewDecision", "accept"));
    api.awaitRequest(second, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    inbound(second, "inbound-second");
    answer(second, "topic", "grief");
    answer(second, "topicDetails", marker("answer-topicDetails"));
    answer(second, "safetyThoughts", "no");
    answer(second, "safetyImmediate", "no");
    answer(second, "language", "uk");
    answer(second, "contactTime", "evening");
    JsonNode done = api.awaitRequest(second, request -> "AWAITING_ASSIGNMENT".equals(request.get("status").asText()));

    // A specialist takes the case and writes to the person: the reply's text stays in the conversation.
    HeldCases cases = new HeldCases(mvc, json, tasks);
    String username = "nofreetext-" + UUID.randomUUID().toString().substring(0, 8);
    String specialistId = cases.registerSpecialist(username, "No Free Text", "uk", "YOUNG_ADULT");
    try {
      api.awaitRequest(second, request -> "ASSIGNED".equals(request.get("status").asText()));
      cases.accept(second, username);
      api.awaitRequest(second, request -> "IN_PROGRESS".equals(request.get("status").asText()));
      mvc.perform(
              post("/api/v1/requests/{id}/replies", second)
                  .with(user(username).roles(Roles.SPECIALIST))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(json.writeValueAsString(Map.of("text", marker("reply")))))
          .andExpect(status().isAccepted());
      api.awaitRequest(second, request -> request.get("history").toString().contains("\"kind\":\"REPLY\""));
    } finally {
      cases.pause(specialistId);
    }

    mvc.perform(
            post("/api/v1/risk/assessments")
                .with(httpBasic("supervisor", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("text", marker("risk-assessment")))))
        .andExpect(status().isOk());

    assertThat(markers).hasSizeGreaterThanOrEqualTo(10);
    assertThat(done.toString()).doesNotContain(markers.values());
    assertThat(api.request(second).toString()).as("the history names a reply, never its text").doesNotContain(markers.values());
    assertThat(recordsContainingMarkers()).isEmpty();
  }

  private UUID create(ApiClient api, String handle, int age, String which) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "web");
    body.put("channelUserId", handle);
    body.put("displayName", marker("displayName-" + which));
    body.put("message", marker("message-" + which));
    body.put("language", "en");
    body.put("age", age);
    return UUID.fromString(api.createRequest(json.writeValueAsString(body)).get("id").asText());
  }

  private void inbound(UUID id, String field) throws Exception {
    mvc.perform(
            post("/api/v1/requests/{id}/messages", id)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("text", marker(field)))))
        .andExpect(status().is2xxSuccessful());
  }

  private void answer(UUID id, String questionId, String answer) throws Exception {
    mvc.perform(
            post("/api/v1/requests/{id}/questionnaire/answers", id)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("questionId", questionId, "answer", answer))))
        .andExpect(status().isOk());
  }

  private String marker(String field) {
    return markers.computeIfAbsent(field, name -> "MARKER-" + name + "-" + UUID.randomUUID());
  }

  private List<String> recordsContainingMarkers() {
    List<String> leaks = new ArrayList<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      String text = record.toJson();
      markers.forEach((field, marker) -> {
        if (text.contains(marker)) {
          leaks.add(field + " in " + record.getValueType() + " " + record.getIntent());
        }
      });
    }
    return leaks;
  }
}
