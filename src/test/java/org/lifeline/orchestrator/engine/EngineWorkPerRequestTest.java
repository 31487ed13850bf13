package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engine's work per request as a number: the benchmark's path (an adult's first request, the questionnaire
 * answered through the API, a free specialist proposed and auto-confirmed, the case accepted, a session, the case
 * closed as helped, feedback answered at once and taken after the feedback timer) driven through the HTTP API on the
 * embedded engine, and the records the engine wrote for it counted (see {@link RequestRecords}).
 */
@PlatformTest
class EngineWorkPerRequestTest {

  /** Records a request may cost until it waits for a specialist (issue #19's goal). */
  static final int UP_TO_AWAITING_ASSIGNMENT = 150;
  /**
   * Records a request may cost from intake to CLOSED, as a ceiling that keeps the work from growing unnoticed: today's
   * models cost 469 (468 in docs/performance.md, plus the first-contact watch's firstContactSince). Issue #19's goal is
   * 300; the assignment and care stages still cost most of the difference, see docs/performance.md ("Engine records
   * per request").
   */
  static final int WHOLE_LIFECYCLE_CEILING = 480;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ZeebeTestEngine engine;
  @Autowired CuratorTasks tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRequestCostsTheEngineAtMost150RecordsUntilItAwaitsAssignment() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    // Russian and 18-24: no other test's request asks for both, so the specialist is this test's.
    String username = "records-" + UUID.randomUUID().toString().substring(0, 8);
    String specialistId = cases.registerSpecialist(username, "Record Counter", "ru", "YOUNG_ADULT");
    try {
      for (int request = 0; request < 2; request++) {
        UUID id = closedLifecycle(api, cases, username);
        RequestRecords records = recordsOf(id);
        records.writeTo(Path.of("target/engine-records-request-" + (request + 1) + ".txt"));
        RequestRecords untilAssignment = records.untilCompleted(HelpRequestProcess.Elements.TASK_MARK_AWAITING_ASSIGNMENT);
        System.out.printf("Engine records of request %d: %d until AWAITING_ASSIGNMENT %s; %d until CLOSED %s%n",
            request + 1, untilAssignment.count(), untilAssignment.byValueType(), records.count(), records.byValueType());
        assertThat(untilAssignment.count()).as("records until AWAITING_ASSIGNMENT: %s", untilAssignment)
            .isLessThanOrEqualTo(UP_TO_AWAITING_ASSIGNMENT);
        assertThat(records.count()).as("records until CLOSED: %s", records).isLessThanOrEqualTo(WHOLE_LIFECYCLE_CEILING);
      }
    } finally {
      cases.pause(specialistId);
    }
  }

  private UUID closedLifecycle(ApiClient api, HeldCases cases, String username) throws Exception {
    UUID id =
        UUID.fromString(
            api.createRequest(
                    json.writeValueAsString(
                        Map.of("channel", "api", "channelUserId", "records-" + UUID.randomUUID(), "language", "en", "age", 21)))
                .get("id")
                .asText());
    api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    cases.completeQuestionnaire(id, "ru");
    api.awaitRequest(id, request -> "ASSIGNED".equals(request.get("status").asText()));
    cases.accept(id, username);
    api.awaitRequest(id, request -> "IN_PROGRESS".equals(request.get("status").asText()));
    specialist(username, "/api/v1/cases/{id}/sessions", id, "{\"at\":\"2026-11-20T10:00:00Z\",\"durationMinutes\":50}");
    specialist(username, "/api/v1/cases/{id}/closure", id, "{\"outcome\":\"helped\"}");
    api.awaitRequest(id, request -> "FEEDBACK".equals(request.get("status").asText()));
    mvc.perform(
            post("/api/v1/requests/{id}/feedback", id)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":5}"))
        .andExpect(status().isOk());
    Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> jdbc.queryForObject(
            "select count(*) from feedback_request where request_id = ? and process_instance_key is not null"
                + " and answer_published_at is not null", Integer.class, id) == 1);
    engine.waitForIdleState(Duration.ofSeconds(10));
    engine.increaseTime(Duration.ofDays(1).plusMinutes(1));
    api.awaitRequest(id, request -> "CLOSED".equals(request.get("status").asText()));
    long feedbackInstance = feedbackInstanceOf(id);
    Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> processCompleted(feedbackInstance));
    engine.waitForIdleState(Duration.ofSeconds(10));
    return id;
  }

  private void specialist(String username, String path, UUID id, String body) throws Exception {
    mvc.perform(post(path, id).with(user(username).roles(Roles.SPECIALIST)).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is2xxSuccessful());
  }

  private RequestRecords recordsOf(UUID id) {
    long helpRequest = jdbc.queryForObject("select process_instance_key from help_request where id = ?", Long.class, id);
    return RequestRecords.of(
        engine.getRecordStreamSource().getRecords(), Set.of(helpRequest, feedbackInstanceOf(id)), id.toString());
  }

  private long feedbackInstanceOf(UUID id) {
    return jdbc.queryForObject("select process_instance_key from feedback_request where request_id = ?", Long.class, id);
  }

  private boolean processCompleted(long processInstanceKey) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .anyMatch(record -> isProcessCompleted(record, processInstanceKey));
  }

  private static boolean isProcessCompleted(Record<?> record, long processInstanceKey) {
    return record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && record.getValue() instanceof ProcessInstanceRecordValue element
        && element.getBpmnElementType() == BpmnElementType.PROCESS
        && element.getProcessInstanceKey() == processInstanceKey;
  }
}
