package org.lifeline.orchestrator.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.curator.CuratorTask;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.notification.MessageTemplates;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Qualification and the questionnaire end to end: HTTP API, database, the real engine and workers. */
@PlatformTest
class QuestionnaireApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ZeebeTestEngine engine;
  @Autowired MessageTemplates templates;
  @Autowired CuratorTasks tasks;

  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
  }

  @Test
  void anIntegratorDrivesARequestFromIntakeToAwaitingAssignment() throws Exception {
    String marker = "MARKER-" + UUID.randomUUID();
    UUID id = create(newUserId(), 34);
    api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));

    JsonNode first = next(id).andExpect(status().isOk()).andReturn().getResponse().getContentAsString().transform(this::read);
    assertThat(first.get("complete").asBoolean()).isFalse();
    assertThat(first.at("/question/id").asText()).isEqualTo("topic");
    assertThat(first.at("/question/options/0/value").asText()).isEqualTo("anxiety");

    answer(id, "safetyThoughts", "no")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.question.id").value("topic"));
    answer(id, "topic", "the weather")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Choose one of: anxiety")))
        .andExpect(jsonPath("$.errors[0].field").value("answer"))
        .andExpect(jsonPath("$.question.id").value("topic"))
        .andExpect(jsonPath("$.question.prompt").isNotEmpty());
    answer(id, "nonsense", "x").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("questionId"));

    answer(id, "topic", "Grief, losing someone close")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.next.id").value("topicDetails"))
        .andExpect(jsonPath("$.progress.answered").value(1));
    answer(id, "topic", "grief").andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(true));
    answer(id, "topicDetails", marker + " since my father died").andExpect(status().isOk());
    answer(id, "safetyThoughts", "no").andExpect(status().isOk());
    answer(id, "safetyImmediate", "no").andExpect(status().isOk());
    answer(id, "language", "uk").andExpect(status().isOk());
    mvc.perform(get("/api/v1/requests/{id}/questionnaire/next", id).param("language", "ru").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.question.id").value("contactTime"))
        .andExpect(jsonPath("$.question.options[0].label").value("Утро"));
    answer(id, "contactTime", "evening")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.complete").value(true))
        .andExpect(jsonPath("$.next").doesNotExist());

    JsonNode done = api.awaitRequest(id, request -> "AWAITING_ASSIGNMENT".equals(request.get("status").asText()));
    assertThat(done.get("stage").asText()).isEqualTo("assignment");
    assertThat(statuses(done)).containsSubsequence("RECEIVED", "QUALIFYING", "QUESTIONNAIRE", "AWAITING_ASSIGNMENT");
    assertThat(done.get("riskLevel").asText()).isEqualTo("NONE");
    mvc.perform(get("/api/v1/requests/{id}/questionnaire/progress", id).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.complete").value(true))
        .andExpect(jsonPath("$.answered").value(6))
        .andExpect(jsonPath("$.status").value("AWAITING_ASSIGNMENT"));
    next(id).andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409)).andExpect(jsonPath("$.requestStatus").value("AWAITING_ASSIGNMENT"));
    // A caller that saw a 5xx for the final answer cannot know it got through: sending it again is a replay.
    answer(id, "contactTime", "evening")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.replayed").value(true))
        .andExpect(jsonPath("$.complete").value(true));
    answer(id, "contactTime", "morning").andExpect(status().isConflict()).andExpect(jsonPath("$.requestStatus").value("AWAITING_ASSIGNMENT"));
    assertThat(done.toString()).doesNotContain(marker);
    assertThat(engineRecordsContaining(marker)).isEmpty();
  }

  @Test
  void aMissingAgeIsAskedFirstAndTheQuestionnaireGoesOnOnceTheAdultIsQualified() throws Exception {
    UUID id = create(newUserId(), null);
    api.awaitRequest(id, request -> ApiClient.hasOutbound(request, "greeting"));

    next(id).andExpect(status().isOk()).andExpect(jsonPath("$.question.id").value("age"));
    answer(id, "age", "twelve").andExpect(status().isBadRequest()).andExpect(jsonPath("$.question.id").value("age"));
    answer(id, "age", "41").andExpect(status().isOk()).andExpect(jsonPath("$.next.id").value("topic"));

    JsonNode qualified = api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    assertThat(qualified.get("statedAge").asInt()).isEqualTo(41);
    next(id).andExpect(status().isOk()).andExpect(jsonPath("$.question.id").value("topic"));
  }

  @Test
  void aMinorIsRedirectedToThePartnerProjectFromConfiguration() throws Exception {
    UUID id = create(newUserId(), 15);

    JsonNode redirected = api.awaitRequest(id, request -> "REDIRECTED_MINOR".equals(request.get("status").asText()));
    api.awaitRequest(id, request -> ApiClient.hasOutbound(request, "minor-redirect"));
    assertThat(redirected.get("stage").asText()).isEqualTo("closed");
    assertThat(templates.render("minor-redirect", "en")).contains("Youth help line", "https://youth-helpline.example.org");
    next(id).andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409)).andExpect(jsonPath("$.requestStatus").value("REDIRECTED_MINOR"));
  }

  @Test
  void aPersonRedirectedAsAMinorWhoComesBackOlderIsReviewedAndCanBeRejected() throws Exception {
    String userId = newUserId();
    UUID minor = create(userId, 16);
    api.awaitRequest(minor, request -> "REDIRECTED_MINOR".equals(request.get("status").asText()));

    UUID again = create(userId, 19);
    JsonNode review = api.awaitRequest(again, request -> "CURATOR_REVIEW".equals(request.get("status").asText()));
    assertThat(reasonOf(review, "CURATOR_REVIEW")).isEqualTo("EARLIER_REQUEST_REDIRECTED_AS_MINOR");
    answer(again, "topic", "grief").andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409)).andExpect(jsonPath("$.requestStatus").value("CURATOR_REVIEW"));

    CuratorTask task = completeReview(again, Map.of("reviewDecision", "reject", "rejectionReason", "age-inconsistent"));
    assertThat(task.candidateGroups()).containsExactly("curators");
    assertThat(task.formId()).isEqualTo("qualification-review");

    JsonNode rejected =
        api.awaitRequest(
            again,
            request -> ApiClient.hasOutbound(request, "rejection") && "REJECTED".equals(request.get("status").asText()));
    assertThat(reasonOf(rejected, "REJECTED")).isEqualTo("age-inconsistent");
  }

  @Test
  void aRepeatContactWithAnotherAgeIsReviewedAndAcceptedByACurator() throws Exception {
    String userId = newUserId();
    UUID first = create(userId, 30);
    api.awaitRequest(first, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));

    UUID second = create(userId, 24);
    JsonNode review = api.awaitRequest(second, request -> "CURATOR_REVIEW".equals(request.get("status").asText()));
    assertThat(reasonOf(review, "CURATOR_REVIEW")).isEqualTo("AGE_CHANGED_SINCE_EARLIER_REQUEST");
    mvc.perform(get("/api/v1/contacts/{id}/requests", review.get("contactId").asText()).with(httpBasic("curator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.requests[0].statedAge").value(30))
        .andExpect(jsonPath("$.requests[1].statedAge").value(24));

    completeReview(second, Map.of("reviewDecision", "accept"));
    api.awaitRequest(second, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    next(second).andExpect(status().isOk()).andExpect(jsonPath("$.question.id").value("topic"));
  }

  // Moves the shared engine's clock: requests other tests left waiting may get reminders too, which none of them checks.
  @Test
  void aRiskyAnswerRaisesTheRiskLevelAndTheQuietPersonIsRemindedThenAbandoned() throws Exception {
    UUID id = create(newUserId(), 28);
    api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    answer(id, "topic", "trauma").andExpect(status().isOk());
    answer(id, "topicDetails", "").andExpect(status().isOk());
    answer(id, "safetyThoughts", "often").andExpect(status().isOk()).andExpect(jsonPath("$.progress.riskLevel").value("HIGH"));
    assertThat(api.request(id).get("riskLevel").asText()).isEqualTo("HIGH");

    engine.increaseTime(Duration.ofMinutes(61));
    JsonNode reminded = api.awaitRequest(id, request -> ApiClient.hasOutbound(request, "questionnaire-reminder"));
    assertThat(reminded.get("status").asText()).isEqualTo("QUESTIONNAIRE");
    answer(id, "safetyImmediate", "no").andExpect(status().isOk());

    // The answer is not a message: the engine hears of it when the second reminder falls due (12 hours after the
    // first answers), and the reminders start again from it: its first one is overdue then, its second 12 hours after
    // it, abandonment 48 hours after it.
    engine.increaseTime(Duration.ofHours(11));
    api.awaitRequest(id, request -> ApiClient.countOutbound(request, "questionnaire-reminder") == 2);
    engine.increaseTime(Duration.ofHours(12));
    api.awaitRequest(id, request -> ApiClient.countOutbound(request, "questionnaire-reminder") == 3);
    engine.increaseTime(Duration.ofHours(36));
    JsonNode abandoned = api.awaitRequest(id, request -> "ABANDONED".equals(request.get("status").asText()));
    assertThat(ApiClient.countOutbound(abandoned, "questionnaire-reminder")).isEqualTo(3);
    assertThat(abandoned.get("stage").asText()).isEqualTo("closed");
    answer(id, "language", "en")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.requestStatus").value("ABANDONED"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("new request")));
  }

  @Test
  void aSpecialistCannotDriveTheQuestionnaire() throws Exception {
    mvc.perform(get("/api/v1/requests/{id}/questionnaire/next", UUID.randomUUID()).with(httpBasic("specialist", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/requests/{id}/questionnaire/progress", UUID.randomUUID()).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isNotFound());
  }

  private CuratorTask completeReview(UUID requestId, Map<String, Object> values) {
    return new TaskInbox(tasks)
        .complete(requestId, HelpRequestProcess.Elements.TASK_REVIEW_QUALIFICATION, "curator", Roles.CURATOR, values);
  }

  private UUID create(String userId, Integer age) throws Exception {
    JsonNode created =
        api.createRequest(
            json.writeValueAsString(
                age == null
                    ? Map.of("channel", "telegram", "channelUserId", userId, "language", "en")
                    : Map.of("channel", "telegram", "channelUserId", userId, "language", "en", "age", age)));
    return UUID.fromString(created.get("id").asText());
  }

  private ResultActions next(UUID id) throws Exception {
    return mvc.perform(get("/api/v1/requests/{id}/questionnaire/next", id).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY));
  }

  private ResultActions answer(UUID id, String questionId, String answer) throws Exception {
    return mvc.perform(
        post("/api/v1/requests/{id}/questionnaire/answers", id)
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("questionId", questionId, "answer", answer))));
  }

  private List<String> engineRecordsContaining(String marker) {
    List<String> leaks = new ArrayList<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.toJson().contains(marker)) {
        leaks.add(record.getValueType() + " " + record.getIntent());
      }
    }
    return leaks;
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

  private static String reasonOf(JsonNode request, String status) {
    for (JsonNode entry : request.get("history")) {
      if (status.equals(entry.path("status").asText())) {
        return entry.path("reason").asText(null);
      }
    }
    return null;
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newUserId() {
    return "q-" + UUID.randomUUID();
  }
}
