package org.lifeline.orchestrator.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.care.CaseClosed;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.lifeline.orchestrator.privacy.ErasureService;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feedback collection end to end: a case closed as helped (the CaseClosed event, as the care stage publishes it),
 * the HTTP API, the database, the embedded engine and the real workers, including the real emergency escalation.
 */
@PlatformTest
class FeedbackApiTest {

  private static final String RISKY = "I want to kill myself tonight";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ZeebeTestEngine engine;
  @Autowired CamundaClient client;
  @Autowired RequestLifecycle lifecycle;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired FeedbackRequestRepository feedback;
  @Autowired CuratorTasks curatorTasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ErasureService erasure;
  @Autowired Clock clock;

  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
  }

  @Test
  void anAnswerThroughTheIntegratorIsStoredAndTheRequestClosedWithoutAReminder() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    answer(id, Map.of("rating", 5, "comment", "Thank you, it really helped"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.answered").value(true))
        .andExpect(jsonPath("$.rating").value(5))
        .andExpect(jsonPath("$.comment").doesNotExist());

    engine.increaseTime(Duration.ofDays(1));
    JsonNode closed = api.awaitRequest(id, found -> "CLOSED".equals(found.get("status").asText()));

    assertThat(ApiClient.countOutbound(closed, FeedbackProcess.TEMPLATE_FEEDBACK_REQUEST)).isZero();
    engine.increaseTime(Duration.ofDays(3));
    assertThat(ApiClient.countOutbound(api.request(id), FeedbackProcess.TEMPLATE_FEEDBACK_REMINDER)).isZero();
    FeedbackRequest row = feedback.findByRequestId(id).orElseThrow();
    assertThat(row.getOutcome()).isEqualTo(FeedbackRequest.ANSWERED);
    assertThat(row.getFollowUp()).isEqualTo(FeedbackProcess.FollowUp.NONE);
    assertThat(jdbc.queryForObject("select comment from feedback_request where request_id = ?", String.class, id))
        .as("encrypted at rest")
        .doesNotContain("helped");
    assertNoProcessVariableHolds("it really helped");
  }

  @Test
  void withoutAnAnswerThePersonIsAskedRemindedOnceAndTheRequestClosesQuietly() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());

    engine.increaseTime(Duration.ofDays(1));
    api.awaitRequest(id, found -> ApiClient.hasOutbound(found, FeedbackProcess.TEMPLATE_FEEDBACK_REQUEST));
    engine.increaseTime(Duration.ofDays(3));
    api.awaitRequest(id, found -> ApiClient.hasOutbound(found, FeedbackProcess.TEMPLATE_FEEDBACK_REMINDER));
    engine.increaseTime(Duration.ofDays(7));
    JsonNode closed = api.awaitRequest(id, found -> "CLOSED".equals(found.get("status").asText()));

    assertThat(ApiClient.countOutbound(closed, FeedbackProcess.TEMPLATE_FEEDBACK_REQUEST)).isEqualTo(1);
    assertThat(ApiClient.countOutbound(closed, FeedbackProcess.TEMPLATE_FEEDBACK_REMINDER)).isEqualTo(1);
    assertThat(feedback.findByRequestId(id).orElseThrow().getOutcome()).isEqualTo(FeedbackRequest.NO_FEEDBACK);
    mvc.perform(get("/api/v1/requests/{id}/feedback", id).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(jsonPath("$.outcome").value("no-feedback"))
        .andExpect(jsonPath("$.answered").value(false));
    answer(id, Map.of("rating", 4)).andExpect(status().isGone());
  }

  @Test
  void aLowRatingThroughTheOneTimeLinkGivesACuratorAFollowUpTask() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    engine.increaseTime(Duration.ofDays(1));
    api.awaitRequest(id, found -> ApiClient.hasOutbound(found, FeedbackProcess.TEMPLATE_FEEDBACK_REQUEST));

    String path = issueLink(id).get("path").asText();
    postAnonymously(path, Map.of("rating", 2)).andExpect(status().isOk()).andExpect(jsonPath("$.received").value(true));

    new TaskInbox(curatorTasks)
        .complete(id, FeedbackProcess.Elements.FOLLOW_UP_FEEDBACK, "curator", "CURATOR", Map.of("followUpOutcome", "contacted-person"));
    api.awaitRequest(id, found -> "CLOSED".equals(found.get("status").asText()));
    FeedbackRequest row = feedback.findByRequestId(id).orElseThrow();
    assertThat(row.getFollowUp()).isEqualTo(FeedbackProcess.FollowUp.CURATOR);
    assertThat(row.getFollowUpOutcome()).isEqualTo("contacted-person");
  }

  @Test
  void aRiskyCommentStartsTheEmergencyEscalation() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    engine.increaseTime(Duration.ofDays(1));
    api.awaitRequest(id, found -> ApiClient.hasOutbound(found, FeedbackProcess.TEMPLATE_FEEDBACK_REQUEST));

    answer(id, Map.of("rating", 3, "comment", RISKY)).andExpect(status().isOk());

    JsonNode escalated =
        api.awaitRequest(
            id,
            found ->
                ApiClient.hasOutbound(found, "crisis-resources") && "CLOSED".equals(found.get("status").asText()));
    assertThat(escalated.get("riskLevel").asText()).isEqualTo("HIGH");
    assertThat(feedback.findByRequestId(id).orElseThrow().getFollowUp()).isEqualTo(FeedbackProcess.FollowUp.ESCALATED);
    assertThat(escalated.get("history").findValuesAsText("step")).contains("feedback");
  }

  @Test
  void erasingThePersonsDataErasesTheCommentAndKeepsTheRating() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    answer(id, Map.of("rating", 3, "comment", "my own words")).andExpect(status().isOk());

    erasure.erase(lifecycle.get(id).getContactId());

    FeedbackRequest row = feedback.findByRequestId(id).orElseThrow();
    assertThat(row.getComment()).isNull();
    assertThat(row.getRating()).isEqualTo(3);
  }

  @Test
  void aReusedLinkIsRefusedAndChangesNothing() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    String path = issueLink(id).get("path").asText();
    postAnonymously(path, Map.of("rating", 4)).andExpect(status().isOk());

    postAnonymously(path, Map.of("rating", 1, "comment", "changed my mind"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    FeedbackRequest row = feedback.findByRequestId(id).orElseThrow();
    assertThat(row.getRating()).isEqualTo(4);
    assertThat(row.getComment()).isNull();
  }

  @Test
  void anExpiredLinkIsRefusedAndStoresNothing() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    String path = issueLink(id).get("path").asText();
    jdbc.update(
        "update feedback_request set token_expires_at = ? where request_id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
        id);

    postAnonymously(path, Map.of("rating", 5))
        .andExpect(status().isGone())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(feedback.findByRequestId(id).orElseThrow().isAnswered()).isFalse();
  }

  @Test
  void aTokenOfAnotherRequestOrAnAlteredOneIsRefusedAndStoresNothing() throws Exception {
    UUID first = closedHelpedCase(UUID.randomUUID());
    UUID second = closedHelpedCase(UUID.randomUUID());
    String token = issueLink(first).get("token").asText();
    issueLink(second);
    String secret = token.substring(token.indexOf('.') + 1);

    for (String wrong :
        List.of(second + "." + secret, first + "." + secret.substring(1) + "A", "not-a-token", UUID.randomUUID() + "." + secret)) {
      postAnonymously("/api/v1/feedback/" + wrong, Map.of("rating", 5))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    assertThat(feedback.findByRequestId(first).orElseThrow().isAnswered()).isFalse();
    assertThat(feedback.findByRequestId(second).orElseThrow().isAnswered()).isFalse();
  }

  @Test
  void aNewLinkReplacesThePreviousOne() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    String old = issueLink(id).get("path").asText();
    String current = issueLink(id).get("path").asText();

    postAnonymously(old, Map.of("rating", 5)).andExpect(status().isNotFound());
    postAnonymously(current, Map.of("rating", 5)).andExpect(status().isOk());
  }

  @Test
  void invalidAnswersAreRefusedWithFieldErrorsAndStoreNothing() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    Map<String, Object> tooLong = new HashMap<>(Map.of("rating", 3, "comment", "x".repeat(2001)));
    for (Map<String, Object> body : List.of(Map.<String, Object>of("rating", 0), Map.<String, Object>of("rating", 6), Map.<String, Object>of("comment", "no rating"), tooLong)) {
      answer(id, body)
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").exists());
    }
    assertThat(feedback.findByRequestId(id).orElseThrow().isAnswered()).isFalse();
  }

  @Test
  void feedbackIsOnlyCollectedForCasesClosedAsHelped() throws Exception {
    UUID id = newRequestInCare();
    transaction.executeWithoutResult(status -> events.publishEvent(new CaseClosed(id, UUID.randomUUID(), "no-show")));

    answer(id, Map.of("rating", 5)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/requests/{id}/feedback-link", id).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isNotFound());
    assertThat(feedback.findByRequestId(id)).isEmpty();
  }

  @Test
  void onlyIntegratorsAndAdministratorsAnswerOrIssueLinks() throws Exception {
    UUID id = closedHelpedCase(UUID.randomUUID());
    mvc.perform(
            post("/api/v1/requests/{id}/feedback", id)
                .with(httpBasic("curator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":5}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/requests/{id}/feedback-link", id).with(httpBasic("specialist", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/requests/{id}/feedback", id).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}"))
        .andExpect(status().isUnauthorized());
    assertThat(feedback.findByRequestId(id).orElseThrow().isAnswered()).isFalse();
  }

  @Test
  void statisticsArePerPeriodAndSpecialistWithoutPeople() throws Exception {
    UUID specialist = UUID.randomUUID();
    Instant from = clock.instant().minusSeconds(60);
    UUID rated = closedHelpedCase(specialist);
    UUID otherRated = closedHelpedCase(specialist);
    UUID unanswered = closedHelpedCase(specialist);
    answer(rated, Map.of("rating", 5)).andExpect(status().isOk());
    answer(otherRated, Map.of("rating", 2)).andExpect(status().isOk());
    engine.increaseTime(Duration.ofDays(1));
    for (UUID id : List.of(rated, otherRated, unanswered)) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> feedback.findByRequestId(id).orElseThrow().getAskedAt() != null);
    }

    mvc.perform(
            get("/api/v1/feedback/statistics")
                .param("from", from.toString())
                .param("to", clock.instant().plusSeconds(60).toString())
                .param("specialistId", specialist.toString())
                .with(httpBasic("curator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total.requested").value(3))
        .andExpect(jsonPath("$.total.answered").value(2))
        .andExpect(jsonPath("$.total.averageRating").value(3.5))
        .andExpect(jsonPath("$.total.responseRate").value(0.67))
        .andExpect(jsonPath("$.specialists[0].specialistId").value(specialist.toString()))
        .andExpect(jsonPath("$.specialists[0].answered").value(2))
        .andExpect(jsonPath("$.specialists[0].requestId").doesNotExist());

    mvc.perform(get("/api/v1/feedback/statistics").with(httpBasic("specialist", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/feedback/statistics").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/feedback/statistics")
                .param("from", "2026-01-02T00:00:00Z")
                .param("to", "2026-01-01T00:00:00Z")
                .with(httpBasic("admin", "demo")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theConsoleShowsTheFiguresPerSpecialistToCurators() throws Exception {
    UUID specialist = UUID.randomUUID();
    UUID id = closedHelpedCase(specialist);
    answer(id, Map.of("rating", 4, "comment", "kind words")).andExpect(status().isOk());
    engine.increaseTime(Duration.ofDays(1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> feedback.findByRequestId(id).orElseThrow().getAskedAt() != null);

    String page =
        mvc.perform(get("/console/feedback").with(user("curator").roles("CURATOR")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("data-specialist-id=\"" + specialist + "\"")
        .contains("All cases")
        .doesNotContain("kind words")
        .doesNotContain(id.toString());
    mvc.perform(get("/console/feedback").with(user("specialist").roles("SPECIALIST"))).andExpect(status().isForbidden());
  }

  /** A request created through the API whose help-request stage is over (its instance ends, as at case closing). */
  private UUID newRequestInCare() throws Exception {
    String body =
        "{\"channel\":\"telegram\",\"channelUserId\":\"%s\",\"age\":30,\"language\":\"en\"}".formatted(UUID.randomUUID());
    UUID id = UUID.fromString(api.createRequest(body).get("id").asText());
    HelpRequest started =
        Awaitility.await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> lifecycle.get(id), request -> request.getProcessInstanceKey() != null);
    client.newCancelInstanceCommand(started.getProcessInstanceKey()).send().join();
    return id;
  }

  /** As the care stage closes a case: status FEEDBACK and the CaseClosed event in one transaction. */
  private UUID closedHelpedCase(UUID specialistId) throws Exception {
    UUID id = newRequestInCare();
    // A worker of the cancelled instance may still be finishing a job on the request: retry as the API does.
    ConflictRetry.run(
        () ->
            transaction.executeWithoutResult(
                status -> {
                  lifecycle.changeStatus(id, RequestStatus.FEEDBACK, "test");
                  events.publishEvent(new CaseClosed(id, specialistId, CaseClosed.HELPED));
                }));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> feedback.findByRequestId(id).map(FeedbackRequest::getProcessInstanceKey).orElse(null) != null);
    return id;
  }

  private ResultActions answer(UUID id, Map<String, Object> body) throws Exception {
    return mvc.perform(
        post("/api/v1/requests/{id}/feedback", id)
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private JsonNode issueLink(UUID id) throws Exception {
    String response =
        mvc.perform(get("/api/v1/requests/{id}/feedback-link", id).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode link = json.readTree(response);
    assertThat(feedback.findByRequestId(id).orElseThrow().getTokenHash())
        .as("only the hash is stored")
        .isNotEqualTo(link.get("token").asText())
        .doesNotContain(link.get("token").asText().substring(37));
    return link;
  }

  private ResultActions postAnonymously(String path, Map<String, Object> body) throws Exception {
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  private void assertNoProcessVariableHolds(String text) {
    assertThat(
            io.camunda.zeebe.process.test.filters.RecordStream.of(engine.getRecordStreamSource())
                .variableRecords()
                .spliterator()
                .estimateSize())
        .isPositive();
    io.camunda.zeebe.process.test.filters.RecordStream.of(engine.getRecordStreamSource())
        .variableRecords()
        .forEach(record -> assertThat(record.getValue().getValue()).doesNotContain(text));
  }
}
