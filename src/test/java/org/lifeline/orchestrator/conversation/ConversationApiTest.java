package org.lifeline.orchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.curator.Caller;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.curator.TaskQuery;
import org.lifeline.orchestrator.escalation.OpenEscalations;
import org.lifeline.orchestrator.escalation.RiskEscalationProcess;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The conversation API end to end on the embedded platform: who may read and write what as a case moves from the
 * proposal through acceptance and an escalation to its closure, the audit of every read, My cases with unread
 * counts, and hostile input. English-speaking seniors: no other test's request is assigned to these specialists.
 */
@PlatformTest
class ConversationApiTest {

  private static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  private static final RequestPostProcessor SUPERVISOR = httpBasic("supervisor", "demo");
  private static final RequestPostProcessor ADMIN_ONLY = user("operator").roles(Roles.ADMIN);
  private static final RequestPostProcessor OTHER_SPECIALIST = user("someone-else").roles(Roles.SPECIALIST);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CuratorTasks tasks;
  @Autowired OpenEscalations escalations;
  @Autowired JdbcTemplate jdbc;
  @Autowired ZeebeTestEngine engine;

  @Test
  void accessFollowsTheWorkFromTheProposalToTheClosureAndEveryReadIsAudited() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    String username = "conv-" + UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor holder = user(username).roles(Roles.SPECIALIST);
    String specialistId = cases.registerSpecialist(username, "Maria Holder", "en", "SENIOR");
    try {
      String firstWords = "I lost my home and cannot sleep " + UUID.randomUUID();
      UUID id = request(api, firstWords);
      cases.completeQuestionnaire(id, "en");
      api.awaitRequest(id, request -> "ASSIGNED".equals(request.get("status").asText()));

      // Proposed: the specialist reads what the person wrote to decide, but cannot write before accepting.
      read(id, holder)
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.requestId").value(id.toString()))
          .andExpect(jsonPath("$.messages[0].direction").value("IN"))
          .andExpect(jsonPath("$.messages[0].author").value("contact"))
          .andExpect(jsonPath("$.messages[0].kind").value("MESSAGE"))
          .andExpect(jsonPath("$.messages[0].text").value(firstWords))
          .andExpect(jsonPath("$.messages[0].delivery").doesNotExist())
          .andExpect(jsonPath("$.answers[?(@.questionId == 'topic')].answer").value("Loss of home, having to move"))
          .andExpect(jsonPath("$.answers[?(@.questionId == 'topicDetails')].answer").value(Matchers.contains(Matchers.nullValue())));
      reply(id, holder, "Hello").andExpect(status().isConflict()).andExpect(problem());
      read(id, OTHER_SPECIALIST).andExpect(status().isNotFound()).andExpect(problem());
      reply(id, OTHER_SPECIALIST, "Hello").andExpect(status().isNotFound());
      read(id, CURATOR).andExpect(status().isOk());
      reply(id, CURATOR, "Hello").andExpect(status().isForbidden()).andExpect(problem());
      read(id, SUPERVISOR).andExpect(status().isForbidden()).andExpect(problem());
      reply(id, SUPERVISOR, "Hello").andExpect(status().isForbidden());
      read(id, ADMIN_ONLY).andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(Matchers.containsString("Administrators")));
      reply(id, ADMIN_ONLY, "Hello").andExpect(status().isForbidden());
      mvc.perform(integrator(get("/api/v1/requests/{id}/conversation", id))).andExpect(status().isForbidden());
      mvc.perform(integrator(replyRequest(id, "Hello"))).andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/requests/{id}/conversation", id)).andExpect(status().isUnauthorized()).andExpect(problem());
      mvc.perform(replyRequest(id, "Hello")).andExpect(status().isUnauthorized());
      read(UUID.randomUUID(), holder).andExpect(status().isNotFound());
      mvc.perform(get("/api/v1/cases").with(holder))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.cases[0].requestId").value(id.toString()))
          .andExpect(jsonPath("$.cases[0].status").value("ASSIGNED"));

      cases.accept(id, username);
      api.awaitRequest(id, request -> "IN_PROGRESS".equals(request.get("status").asText()));
      read(id, CURATOR).andExpect(status().isForbidden());

      String greeting = "Hello, I am Maria, the psychologist who will be with you. " + UUID.randomUUID();
      JsonNode accepted = body(reply(id, holder, greeting).andExpect(status().isAccepted()).andExpect(jsonPath("$.delivery").value("QUEUED")));
      long replyId = accepted.get("id").asLong();
      JsonNode delivered = awaitMessage(id, holder, replyId, message -> "SENT".equals(message.path("delivery").asText()));
      assertThat(delivered.get("kind").asText()).isEqualTo("REPLY");
      assertThat(delivered.get("author").asText()).isEqualTo(username);
      assertThat(delivered.get("text").asText()).isEqualTo(greeting);
      JsonNode history = api.awaitRequest(id, request -> hasReplyOut(request, username));
      assertThat(history.toString()).as("the history says a reply went out, never what it said").doesNotContain(greeting);

      String answer = "Thank you, evenings are hard " + UUID.randomUUID();
      mvc.perform(integrator(post("/api/v1/requests/{id}/messages", id)).contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(Map.of("text", answer))))
          .andExpect(status().isAccepted());
      JsonNode mine = myCase(holder, id);
      assertThat(mine.get("unread").asInt()).isEqualTo(1);
      assertThat(mine.path("lastMessage").path("direction").asText()).isEqualTo("IN");
      assertThat(mine.path("waitingSince").isNull()).as("the person waits for an answer").isFalse();
      assertThat(mine.path("firstReplyAt").isNull()).isFalse();
      read(id, holder).andExpect(jsonPath("$.messages[-1:].text").value(answer));
      assertThat(myCase(holder, id).get("unread").asInt()).as("read now").isZero();
      mvc.perform(get("/api/v1/cases").with(OTHER_SPECIALIST)).andExpect(status().isOk()).andExpect(jsonPath("$.cases").isEmpty());
      mvc.perform(get("/api/v1/cases").with(CURATOR)).andExpect(status().isForbidden()).andExpect(problem());
      mvc.perform(get("/api/v1/cases").with(SUPERVISOR)).andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/cases").with(ADMIN_ONLY)).andExpect(status().isForbidden());
      mvc.perform(integrator(get("/api/v1/cases"))).andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/cases")).andExpect(status().isUnauthorized());

      // An escalation puts the on-duty supervisor on the case: they may read and write until it is reviewed.
      mvc.perform(post("/api/v1/requests/{id}/risk-flags", id).with(holder).contentType(MediaType.APPLICATION_JSON)
              .content("{\"level\":\"HIGH\",\"reasonCode\":\"disclosed-plan\"}"))
          .andExpect(status().isAccepted());
      Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> escalations.existFor(id));
      read(id, SUPERVISOR).andExpect(status().isOk());
      reply(id, SUPERVISOR, "This is the on-duty supervisor. Are you safe right now?").andExpect(status().isAccepted());
      new TaskInbox(tasks)
          .complete(id, RiskEscalationProcess.Elements.REVIEW_ESCALATION, "supervisor", Roles.SUPERVISOR, Map.of("outcome", "contacted-person", "decision", "continue"));
      Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> !escalations.existFor(id));
      read(id, SUPERVISOR).andExpect(status().isForbidden());
      reply(id, SUPERVISOR, "Hello again").andExpect(status().isForbidden());

      JsonNode audit =
          body(mvc.perform(get("/api/v1/admin/audit").param("requestId", id.toString()).param("size", "500").with(httpBasic("admin", "demo")))
              .andExpect(status().isOk()));
      List<String> readers = new ArrayList<>();
      audit.get("content").forEach(entry -> {
        if ("READ".equals(entry.get("kind").asText()) && entry.get("action").asText().equals("GET /api/v1/requests/{id}/conversation")
            && entry.get("status").asInt() < 400) {
          readers.add(entry.get("actor").asText());
        }
      });
      assertThat(readers).as("every successful read, by whom").contains(username, "curator", "supervisor");
      assertThat(readers.stream().filter(username::equals).count()).as("proposal, delivery check, new message").isGreaterThanOrEqualTo(3);
      assertThat(readers).doesNotContain("someone-else", "operator");
      List<String> refused = new ArrayList<>();
      audit.get("content").forEach(entry -> {
        if (entry.get("action").asText().equals("GET /api/v1/requests/{id}/conversation") && entry.get("status").asInt() >= 400) {
          refused.add(entry.get("actor").asText());
        }
      });
      assertThat(refused).as("refused reads are audited too, so probing shows").contains("someone-else", "operator");

      mvc.perform(post("/api/v1/cases/{id}/closure", id).with(holder).contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"helped\"}"))
          .andExpect(status().isOk());
      reply(id, holder, "One more thing").andExpect(status().isConflict());
      read(id, holder).andExpect(status().isNotFound());
      assertThat(jdbc.queryForObject(
              "select count(*) from conversation_message where request_id = ? and kind = 'REPLY'", Integer.class, id))
          .isEqualTo(2);
    } finally {
      cases.pause(specialistId);
    }
  }

  @Test
  void myCasesListTheCaseWithTheNewestActivityFirst() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    String username = "two-" + UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor holder = user(username).roles(Roles.SPECIALIST);
    String specialistId = cases.registerSpecialist(username, "Olha Two", "en", "SENIOR", 2);
    try {
      UUID older = acceptedCase(api, cases, username, "My first worry " + UUID.randomUUID());
      UUID newer = acceptedCase(api, cases, username, "My second worry " + UUID.randomUUID());
      assertThat(myCaseIds(holder)).as("the case taken last").containsExactly(newer, older);

      mvc.perform(integrator(post("/api/v1/requests/{id}/messages", older)).contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(Map.of("text", "Are you still there?"))))
          .andExpect(status().isAccepted());
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> myCaseIds(holder), ids -> ids.equals(List.of(older, newer)));

      reply(newer, holder, "Hello, I am Olha.").andExpect(status().isAccepted());
      assertThat(myCaseIds(holder)).as("the case written to last").containsExactly(newer, older);
    } finally {
      cases.pause(specialistId);
    }
  }

  private UUID acceptedCase(ApiClient api, HeldCases cases, String username, String firstWords) throws Exception {
    UUID id = request(api, firstWords);
    cases.completeQuestionnaire(id, "en");
    api.awaitRequest(id, request -> "ASSIGNED".equals(request.get("status").asText()));
    cases.accept(id, username);
    api.awaitRequest(id, request -> "IN_PROGRESS".equals(request.get("status").asText()));
    return id;
  }

  private List<UUID> myCaseIds(RequestPostProcessor holder) throws Exception {
    List<UUID> ids = new ArrayList<>();
    body(mvc.perform(get("/api/v1/cases").with(holder)).andExpect(status().isOk()))
        .get("cases")
        .forEach(held -> ids.add(UUID.fromString(held.get("requestId").asText())));
    return ids;
  }

  /**
   * After acceptance a curator reads the conversation only while the request has an open curator task: the real
   * <em>Case without first contact</em> task, opened by the first-contact timer on the in-memory engine, asked of the
   * task store by request (not found by scanning a page of all open tasks).
   */
  @Test
  void aCuratorReadsAnAcceptedCaseWhileItsCaseWithoutFirstContactTaskIsOpen() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    String username = "silent-" + UUID.randomUUID().toString().substring(0, 8);
    String specialistId = cases.registerSpecialist(username, "Ivan Silent", "en", "SENIOR");
    try {
      UUID id = request(api, "Nobody has written to me yet " + UUID.randomUUID());
      cases.completeQuestionnaire(id, "en");
      api.awaitRequest(id, request -> "ASSIGNED".equals(request.get("status").asText()));
      cases.accept(id, username);
      api.awaitRequest(id, request -> "IN_PROGRESS".equals(request.get("status").asText()));
      read(id, CURATOR).andExpect(status().isForbidden()).andExpect(problem());

      engine.increaseTime(Duration.ofMinutes(61));
      Caller curator = new Caller("curator", Set.of(Roles.CURATOR));
      Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> tasks.list(curator, new TaskQuery("curators", null)).stream()
          .anyMatch(task -> id.equals(task.requestId()) && HelpRequestProcess.Elements.TASK_REVIEW_FIRST_CONTACT.equals(task.elementId())));
      read(id, CURATOR).andExpect(status().isOk()).andExpect(jsonPath("$.requestId").value(id.toString()));

      new TaskInbox(tasks).complete(
          id, HelpRequestProcess.Elements.TASK_REVIEW_FIRST_CONTACT, "curator", Roles.CURATOR,
          Map.of(HelpRequestProcess.Variables.FIRST_CONTACT_DECISION, "remind"));
      Awaitility.await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> read(id, CURATOR).andExpect(status().isForbidden()));
    } finally {
      cases.pause(specialistId);
    }
  }

  @Test
  void hostileRepliesAreRefusedAndNothingIsStored() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    String username = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor holder = user(username).roles(Roles.SPECIALIST);
    String specialistId = cases.registerSpecialist(username, "Hostile Input", "en", "SENIOR");
    try {
      UUID id = request(api, "Please help");
      cases.completeQuestionnaire(id, "en");
      api.awaitRequest(id, request -> "ASSIGNED".equals(request.get("status").asText()));
      cases.accept(id, username);
      api.awaitRequest(id, request -> "IN_PROGRESS".equals(request.get("status").asText()));

      Map<String, String> bodies = new LinkedHashMap<>();
      bodies.put("empty text", "{\"text\":\"\"}");
      bodies.put("blank text", "{\"text\":\"   \\n  \"}");
      bodies.put("too long", json.writeValueAsString(Map.of("text", "a".repeat(4001))));
      bodies.put("NUL", "{\"text\":\"bad\\u0000text\"}");
      bodies.put("bell", "{\"text\":\"ring\\u0007\"}");
      bodies.put("escape sequence", "{\"text\":\"\\u001b[31mred\"}");
      bodies.put("number", "{\"text\":123}");
      bodies.put("boolean", "{\"text\":true}");
      bodies.put("array", "{\"text\":[\"a\"]}");
      bodies.put("object", "{\"text\":{\"a\":1}}");
      bodies.put("null", "{\"text\":null}");
      bodies.put("missing", "{}");
      bodies.put("not an object", "[\"text\"]");
      bodies.put("not JSON", "text=hello");
      bodies.put("trailing garbage", "{\"text\":\"hi\"}}");
      for (Map.Entry<String, String> bad : bodies.entrySet()) {
        mvc.perform(post("/api/v1/requests/{id}/replies", id).with(holder).contentType(MediaType.APPLICATION_JSON).content(bad.getValue()))
            .andExpect(status().isBadRequest())
            .andExpect(problem());
      }
      mvc.perform(post("/api/v1/requests/{id}/replies", id).with(holder).contentType(MediaType.TEXT_PLAIN).content("hello"))
          .andExpect(status().isUnsupportedMediaType());
      reply(id, holder, "hi", "two words").andExpect(status().isBadRequest()).andExpect(problem());
      reply(id, holder, "hi", "k".repeat(201)).andExpect(status().isBadRequest());
      mvc.perform(post("/api/v1/requests/{id}/replies", "not-a-uuid").with(holder).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(problem());
      read(id, holder).andExpect(status().isOk());
      mvc.perform(get("/api/v1/requests/{id}/conversation", id).param("language", "english").with(holder))
          .andExpect(status().isBadRequest())
          .andExpect(problem());
      assertThat(repliesStored(id)).as("nothing stored for refused input").isZero();

      String key = "reply-" + UUID.randomUUID();
      long first = body(reply(id, holder, "Line one\nLine two\twith a tab", key)
              .andExpect(status().isAccepted())
              .andExpect(header().string("Idempotent-Replayed", "false")))
          .get("id").asLong();
      reply(id, holder, "Line one\nLine two\twith a tab", key)
          .andExpect(status().isAccepted())
          .andExpect(header().string("Idempotent-Replayed", "true"))
          .andExpect(jsonPath("$.id").value(first));
      reply(id, holder, "Another text", key).andExpect(status().isUnprocessableEntity()).andExpect(problem());
      assertThat(repliesStored(id)).isEqualTo(1);
      mvc.perform(get("/api/v1/requests/{id}/conversation", id).param("language", "ru").with(holder))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.answers[?(@.questionId == 'topic')].question").value(Matchers.contains(Matchers.startsWith("С чем"))));
    } finally {
      cases.pause(specialistId);
    }
  }

  private UUID request(ApiClient api, String message) throws Exception {
    JsonNode created =
        api.createRequest(
            json.writeValueAsString(
                Map.of("channel", "web", "channelUserId", "conv-" + UUID.randomUUID(), "language", "en", "age", 80, "message", message)));
    UUID id = UUID.fromString(created.get("id").asText());
    api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    return id;
  }

  private ResultActions read(UUID id, RequestPostProcessor who) throws Exception {
    return mvc.perform(get("/api/v1/requests/{id}/conversation", id).with(who));
  }

  private ResultActions reply(UUID id, RequestPostProcessor who, String text) throws Exception {
    return mvc.perform(replyRequest(id, text).with(who));
  }

  private ResultActions reply(UUID id, RequestPostProcessor who, String text, String idempotencyKey) throws Exception {
    return mvc.perform(replyRequest(id, text).header("Idempotency-Key", idempotencyKey).with(who));
  }

  private MockHttpServletRequestBuilder replyRequest(UUID id, String text) throws Exception {
    return post("/api/v1/requests/{id}/replies", id)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("text", text)));
  }

  private static MockHttpServletRequestBuilder integrator(MockHttpServletRequestBuilder request) {
    return request.header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY);
  }

  private JsonNode body(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private JsonNode myCase(RequestPostProcessor who, UUID id) throws Exception {
    JsonNode list = body(mvc.perform(get("/api/v1/cases").with(who)).andExpect(status().isOk()));
    for (JsonNode entry : list.get("cases")) {
      if (entry.get("requestId").asText().equals(id.toString())) {
        return entry;
      }
    }
    throw new AssertionError("Case " + id + " is not among " + list);
  }

  private JsonNode awaitMessage(UUID id, RequestPostProcessor who, long messageId, java.util.function.Predicate<JsonNode> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              for (JsonNode message : body(read(id, who).andExpect(status().isOk())).get("messages")) {
                if (message.get("id").asLong() == messageId) {
                  return message;
                }
              }
              return null;
            },
            message -> message != null && condition.test(message));
  }

  private static boolean hasReplyOut(JsonNode request, String author) {
    for (JsonNode entry : request.get("history")) {
      if ("MESSAGE_OUT".equals(entry.path("type").asText())
          && "REPLY".equals(entry.path("kind").asText())
          && author.equals(entry.path("actor").asText())) {
        return true;
      }
    }
    return false;
  }

  private int repliesStored(UUID id) {
    Integer inConversation =
        jdbc.queryForObject("select count(*) from conversation_message where request_id = ? and kind = 'REPLY'", Integer.class, id);
    Integer inOutbox =
        jdbc.queryForObject("select count(*) from outbound_message where request_id = ? and kind = 'REPLY'", Integer.class, id);
    assertThat(inOutbox).isEqualTo(inConversation);
    return inConversation;
  }

  private static org.springframework.test.web.servlet.ResultMatcher problem() {
    return content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
