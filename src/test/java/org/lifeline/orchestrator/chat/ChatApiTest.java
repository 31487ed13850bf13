package org.lifeline.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web chat's API: a session reaches its own conversation only, through its bearer token, whose hash alone is kept;
 * an ended request's token reads for a while and writes nothing, then is refused; opening chats is limited per address;
 * the stream says when something is new.
 */
@PlatformTest
class ChatApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired CuratorTasks tasks;
  @Autowired ZeebeTestEngine engine;

  @Test
  void aSessionsTokenReachesItsOwnConversationOnlyAndOnlyItsHashIsKept() throws Exception {
    JsonNode first = open("10.61.0.1", Map.of("language", "en", "age", 33));
    JsonNode second = open("10.61.0.2", Map.of("language", "ru"));
    String token = first.get("token").asText();
    UUID requestId = UUID.fromString(first.get("requestId").asText());

    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    String stored = jdbc.queryForObject("select token_hash from chat_session where request_id = ?", String.class, requestId);
    assertThat(stored).isEqualTo(ChatSessions.hash(token)).isNotEqualTo(token);
    assertThat(jdbc.queryForObject("select channel from help_request where id = ?", String.class, requestId)).isEqualTo("CHAT");

    JsonNode greeted = awaitView(token, view -> hasTemplate(view, "greeting") && "topic".equals(view.path("question").path("id").asText()));
    assertThat(greeted.get("requestId").asText()).isEqualTo(requestId.toString());
    assertThat(greeted.path("question").path("options")).isNotEmpty();

    String words = "I lost my flat and cannot sleep " + UUID.randomUUID();
    MockHttpServletResponse written = write(token, Map.of("text", words));
    assertThat(written.getStatus()).isEqualTo(202);
    JsonNode answer = json.readTree(written.getContentAsString());
    assertThat(answer.get("reply").asText()).as("words that fit no closed question are a message for the team").contains("Thank you");
    JsonNode view = view(token);
    assertThat(view.get("messages").findValuesAsText("text")).contains(words);
    assertThat(view.get("messages").findValuesAsText("from")).contains("person", "line");
    long firstId = view.get("messages").get(0).get("id").asLong();
    JsonNode later =
        json.readTree(
            mvc.perform(get("/api/v1/chat/messages").param("after", Long.toString(firstId)).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(later.get("messages").findValuesAsText("id")).as("only the messages after the one given")
        .isEqualTo(view.get("messages").findValuesAsText("id").subList(1, view.get("messages").size()));
    assertThat(later.get("messages").findValuesAsText("text")).contains(words);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_audit where actor = ? and action = 'POST /api/v1/chat/messages' and request_id = ?",
                Integer.class,
                "chat:" + requestId,
                requestId))
        .as("the person's writes are audited as actions of their session")
        .isOne();

    String otherToken = second.get("token").asText();
    JsonNode otherView = awaitView(otherToken, any -> hasTemplate(any, "greeting"));
    assertThat(otherView.get("requestId").asText()).isEqualTo(second.get("requestId").asText());
    assertThat(otherView.toString()).doesNotContain(words);
    assertThat(otherView.path("language").asText()).isEqualTo("ru");

    MockHttpServletResponse none = mvc.perform(get("/api/v1/chat/messages")).andReturn().getResponse();
    assertThat(none.getStatus()).isEqualTo(401);
    assertThat(none.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(none.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    for (String wrong : List.of("not-a-token", token + "x", stored, "")) {
      MockHttpServletResponse refused = mvc.perform(get("/api/v1/chat/messages").header("Authorization", "Bearer " + wrong)).andReturn().getResponse();
      assertThat(refused.getStatus()).as(wrong).isEqualTo(401);
      assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
    mvc.perform(post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hello\"}"))
        .andExpect(status().isUnauthorized());
    // A chat token is no key to the staff API, not even for its own request.
    for (String path : List.of("/api/v1/requests/" + requestId, "/api/v1/requests/" + requestId + "/conversation")) {
      mvc.perform(get(path).header("Authorization", "Bearer " + otherToken)).andExpect(status().isUnauthorized());
      mvc.perform(get(path).header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }
    mvc.perform(
            post("/api/v1/requests")
                .with(httpBasic("curator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"chat\",\"channelUserId\":\"someone\",\"language\":\"en\"}"))
        .andExpect(status().isUnprocessableEntity());
  }

  @Test
  void anEndedRequestsTokenReadsItsLastMessagesForAWhileWritesNothingAndThenIsRefused() throws Exception {
    JsonNode opened = open("10.61.0.3", Map.of("language", "en", "age", 15));
    String token = opened.get("token").asText();
    UUID requestId = UUID.fromString(opened.get("requestId").asText());

    JsonNode view = awaitView(token, any -> "REDIRECTED_MINOR".equals(any.get("status").asText()) && hasTemplate(any, "minor-redirect"));
    assertThat(view.get("question").isNull()).isTrue();
    MockHttpServletResponse refused = write(token, Map.of("text", "are you there?"));
    assertThat(refused.getStatus()).isEqualTo(409);
    assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(jdbc.queryForObject("select count(*) from conversation_message where request_id = ? and direction = 'IN'", Integer.class, requestId))
        .isZero();

    jdbc.update("update help_request set status_changed_at = status_changed_at - interval '2' day where id = ?", requestId);
    MockHttpServletResponse expired = mvc.perform(get("/api/v1/chat/messages").header("Authorization", "Bearer " + token)).andReturn().getResponse();
    assertThat(expired.getStatus()).isEqualTo(401);
    assertThat(expired.getHeader("WWW-Authenticate")).contains("invalid_token");
    mvc.perform(get("/api/v1/chat/events").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
  }

  @Test
  void wordsWithARiskSignalGetTheCrisisResourcesFirstAndPauseTheQuestions() throws Exception {
    String token = open("10.61.0.5", Map.of("language", "en", "age", 47)).get("token").asText();
    awaitView(token, view -> "topic".equals(view.path("question").path("id").asText()));

    MockHttpServletResponse written = write(token, Map.of("text", "I want to kill myself"));
    assertThat(written.getStatus()).isEqualTo(202);
    JsonNode answer = json.readTree(written.getContentAsString());
    assertThat(answer.get("reply").asText()).contains("a person from our team will contact you");
    JsonNode view = view(token);
    assertThat(hasTemplate(view, "crisis-resources")).as("delivered before the answer was given").isTrue();
    assertThat(view.get("question").isNull()).as("the questions wait").isTrue();

    write(token, Map.of("text", "I am a bit calmer now"));
    assertThat(view(token).path("question").path("id").asText()).as("writing again resumes them").isEqualTo("topic");
  }

  @Test
  void aPersonAnswersTheQuestionnaireInTheChatAndRatesTheHelpOnceWhenAsked() throws Exception {
    HeldCases cases = new HeldCases(mvc, json, tasks);
    String username = "chat-rating-" + UUID.randomUUID().toString().substring(0, 8);
    String specialistId = cases.registerSpecialist(username, "Chat Rating", "uk", "ADULT");
    try {
      JsonNode opened = open("10.61.0.6", Map.of("language", "en", "age", 44));
      String token = opened.get("token").asText();
      UUID requestId = UUID.fromString(opened.get("requestId").asText());
      String[][] answers = {
        {"topic", "Loss of home, having to move"}, {"topicDetails", null}, {"safetyThoughts", "No"},
        {"safetyImmediate", "No"}, {"language", "Ukrainian"}, {"contactTime", "Evening"}
      };
      for (String[] answer : answers) {
        JsonNode due = awaitView(token, view -> answer[0].equals(view.path("question").path("id").asText()));
        Map<String, Object> body =
            answer[1] == null ? Map.of("text", due.get("skipLabel").asText(), "skip", true) : Map.of("text", answer[1]);
        assertThat(write(token, body).getStatus()).isEqualTo(202);
      }
      awaitStatus(requestId, "ASSIGNED");
      cases.accept(requestId, username);
      awaitStatus(requestId, "IN_PROGRESS");
      mvc.perform(
              post("/api/v1/cases/{id}/closure", requestId)
                  .with(user(username).roles(Roles.SPECIALIST))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"outcome\":\"helped\"}"))
          .andExpect(status().is2xxSuccessful());
      awaitStatus(requestId, "FEEDBACK");
      assertThat(view(token).get("feedbackOpen").asBoolean()).as("not before the line asks").isFalse();

      engine.increaseTime(Duration.ofDays(1));
      awaitView(token, view -> view.get("feedbackOpen").asBoolean() && hasTemplate(view, "feedback-request"));
      MockHttpServletResponse rated = rate(token, "{\"rating\":4,\"comment\":\"It helped to talk\"}");
      assertThat(rated.getStatus()).isEqualTo(202);
      assertThat(view(token).get("feedbackOpen").asBoolean()).isFalse();
      assertThat(jdbc.queryForObject("select rating from feedback_request where request_id = ?", Integer.class, requestId)).isEqualTo(4);
      MockHttpServletResponse again = rate(token, "{\"rating\":1}");
      assertThat(again.getStatus()).isEqualTo(409);
      assertThat(again.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    } finally {
      cases.pause(specialistId);
    }
  }

  /** As in Telegram: a person who stops answering is reminded an hour after their last answer, in the chat itself. */
  @Test
  void aPersonWhoGoesQuietIsRemindedInTheChatAndGoesOnWhereTheyLeftOff() throws Exception {
    JsonNode opened = open("10.61.0.7", Map.of("language", "en", "age", 37));
    String token = opened.get("token").asText();
    awaitView(token, view -> "topic".equals(view.path("question").path("id").asText()));
    assertThat(write(token, Map.of("text", "Loss of home, having to move")).getStatus()).isEqualTo(202);
    awaitView(token, view -> "topicDetails".equals(view.path("question").path("id").asText()));
    assertThat(hasTemplate(view(token), "questionnaire-reminder")).as("not before an hour has passed").isFalse();

    engine.increaseTime(Duration.ofMinutes(61));
    JsonNode reminded = awaitView(token, view -> hasTemplate(view, "questionnaire-reminder"));
    JsonNode reminder = null;
    for (JsonNode message : reminded.get("messages")) {
      if ("questionnaire-reminder".equals(message.path("template").asText())) {
        reminder = message;
      }
    }
    assertThat(reminder.get("from").asText()).isEqualTo("line");
    assertThat(reminder.get("text").asText()).startsWith("We are still here for you.");
    assertThat(reminded.path("question").path("id").asText()).as("the question it waits for").isEqualTo("topicDetails");
    assertThat(write(token, Map.of("text", "We had to leave our town last month")).getStatus()).isEqualTo(202);
    awaitView(token, view -> "safetyThoughts".equals(view.path("question").path("id").asText()));
  }

  @Test
  void openingChatsIsLimitedPerAddressPerMinute() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    // Every attempt counts, opened or refused: 20 a minute (an address may hold fewer open chats than that).
    for (int i = 0; i < 20; i++) {
      statuses.add(mvc.perform(sessionPost("10.61.1.1", Map.of("language", "xx"))).andReturn().getResponse().getStatus());
    }
    assertThat(statuses).containsOnly(400);
    long chatsBefore = jdbc.queryForObject("select count(*) from chat_session", Long.class);
    mvc.perform(sessionPost("10.61.1.1", Map.of("language", "uk", "age", 40)))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
    assertThat(jdbc.queryForObject("select count(*) from chat_session", Long.class)).as("nothing opened over the limit").isEqualTo(chatsBefore);
    mvc.perform(sessionPost("10.61.1.2", Map.of("language", "uk", "age", 40))).andExpect(status().isCreated());
  }

  @Test
  void anAddressHoldsALimitedNumberOfOpenChatsAndAnEndedOneFreesItsPlace(
      @Value("${lifeline.chat.open-chats-per-address}") int limit) throws Exception {
    String address = "10.61.2.1";
    UUID minor = UUID.fromString(open(address, Map.of("language", "en", "age", 15)).get("requestId").asText());
    awaitStatus(minor, "REDIRECTED_MINOR");
    for (int i = 0; i < limit; i++) {
      open(address, Map.of("language", "en", "age", 30));
    }
    long chatsBefore = jdbc.queryForObject("select count(*) from chat_session", Long.class);

    MockHttpServletResponse refused = mvc.perform(sessionPost(address, Map.of("language", "en", "age", 30))).andReturn().getResponse();

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(json.readTree(refused.getContentAsString()).get("detail").asText()).contains("open chats");
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, OpenChatsPerAddress.LONGEST_WAIT.toSeconds());
    assertThat(jdbc.queryForObject("select count(*) from chat_session", Long.class)).as("nothing opened").isEqualTo(chatsBefore);
    open("10.61.2.2", Map.of("language", "en", "age", 30));
  }

  /** The page in the browser's language, with the headers docs/chat.md's advice on linking it relies on. */
  @Test
  void thePageSpeaksTheBrowsersLanguageAndIsNeitherFramedNorCachedNorReferred() throws Exception {
    MockHttpServletResponse page =
        mvc.perform(get("/chat").header("Accept-Language", "de-DE,de;q=0.9,ru;q=0.8,en;q=0.5")).andReturn().getResponse();

    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html).contains("<html lang=\"ru\"").contains("Начать чат");
    assertThat(html).as("the crisis numbers dial with one tap").contains("href=\"tel:112\"");
    assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
    assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getHeader("Cache-Control")).contains("no-store");
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(mvc.perform(get("/chat").header("Accept-Language", "uk")).andReturn().getResponse().getContentAsString())
        .contains("<html lang=\"uk\"");
    assertThat(mvc.perform(get("/chat?lang=en").header("Accept-Language", "ru")).andReturn().getResponse().getContentAsString())
        .as("the language asked for wins over the browser's")
        .contains("<html lang=\"en\"");
  }

  @Test
  void theStreamTellsAnOpenPageAtOnceThatItMayRead() throws Exception {
    String token = open("10.61.0.4", Map.of("language", "en", "age", 52)).get("token").asText();
    MockHttpServletResponse stream =
        mvc.perform(get("/api/v1/chat/events").header("Authorization", "Bearer " + token))
            .andExpect(request().asyncStarted())
            .andReturn()
            .getResponse();
    assertThat(stream.getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
    assertThat(stream.getHeader("X-Accel-Buffering")).as("a buffering proxy passes each event on").isEqualTo("no");
    assertThat(stream.getHeader("Cache-Control")).contains("no-cache");
    assertThat(stream.getContentAsString()).contains("event:changed");
  }

  private JsonNode open(String address, Map<String, Object> body) throws Exception {
    return json.readTree(
        mvc.perform(sessionPost(address, body))
            .andExpect(status().isCreated())
            .andExpect(header().doesNotExist("Location"))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private MockHttpServletRequestBuilder sessionPost(String address, Map<String, Object> body) throws Exception {
    return post("/api/v1/chat/sessions")
        .with(from(address))
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body));
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private MockHttpServletResponse write(String token, Map<String, Object> body) throws Exception {
    return mvc.perform(
            post("/api/v1/chat/messages")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse rate(String token, String body) throws Exception {
    return mvc.perform(
            post("/api/v1/chat/feedback")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn()
        .getResponse();
  }

  private void awaitStatus(UUID requestId, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> jdbc.queryForObject("select status from help_request where id = ?", String.class, requestId), status::equals);
  }

  private JsonNode view(String token) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/v1/chat/messages").header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private JsonNode awaitView(String token, Predicate<JsonNode> condition) {
    return Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100)).until(() -> view(token), condition);
  }

  private static boolean hasTemplate(JsonNode view, String template) {
    for (JsonNode message : view.get("messages")) {
      if (template.equals(message.path("template").asText())) {
        return true;
      }
    }
    return false;
  }
}
