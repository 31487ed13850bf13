package org.lifeline.orchestrator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.notification.OutboundMessageRepository;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestEventRepository;
import org.lifeline.orchestrator.conversation.Conversations;
import org.lifeline.orchestrator.conversation.MessageView;
import org.lifeline.orchestrator.conversation.StaffCaller;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The intake API end to end: HTTP, database, the real engine and workers. */
@PlatformTest
class IntakeApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ZeebeTestEngine engine;
  @Autowired ContactRepository contacts;
  @Autowired HelpRequestRepository requests;
  @Autowired RequestEventRepository events;
  @Autowired OutboundMessageRepository outbox;
  @Autowired SendGreetingWorker greetingWorker;
  @Autowired Conversations conversations;

  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
  }

  @Test
  void storesTheRequestStartsItsProcessAndGreetsThePerson() throws Exception {
    JsonNode created = api.createRequest(body("telegram", newUserId(), 34, "Мне тяжело, не сплю"));

    // Stored first; the process may already have moved on by the time the answer is written.
    assertThat(created.get("status").asText()).isIn("RECEIVED", "QUALIFYING", "QUESTIONNAIRE");
    UUID id = UUID.fromString(created.get("id").asText());
    JsonNode greeted = api.awaitRequest(id, request -> ApiClient.hasOutbound(request, "greeting"));

    // Qualification runs right after the greeting: an adult without earlier requests goes on to the questionnaire.
    assertThat(greeted.get("status").asText()).isIn("QUALIFYING", "QUESTIONNAIRE");
    assertThat(greeted.get("stage").asText()).isIn("qualification", "questionnaire");
    assertThat(greeted.get("riskLevel").asText()).isEqualTo("NONE");
    assertThat(greeted.get("contactId").asText()).isEqualTo(created.get("contactId").asText());
    assertThat(greeted.get("history").findValuesAsText("type"))
        .containsSubsequence("STATUS_CHANGED", "MESSAGE_IN", "STATUS_CHANGED", "MESSAGE_OUT");
    assertThat(greeted.toString()).doesNotContain("Мне тяжело");
  }

  @Test
  void answersWithLocationAndTheStoredRequest() throws Exception {
    mvc.perform(
            post("/api/v1/requests")
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("web", newUserId(), null, null)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/v1/requests/[0-9a-f-]{36}")))
        .andExpect(jsonPath("$.id").isNotEmpty())
        .andExpect(jsonPath("$.createdAt").isNotEmpty());
  }

  @Test
  void aRetriedPostWithTheSameIdempotencyKeyReturnsTheSameRequest() throws Exception {
    String key = "retry-" + UUID.randomUUID();
    String body = body("api", newUserId(), 40, "hello");
    String first = postWithKey(body, key).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    long requestsAfterFirst = requests.count();

    String second =
        postWithKey(body, key)
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(json.readTree(second).get("id")).isEqualTo(json.readTree(first).get("id"));
    assertThat(requests.count()).isEqualTo(requestsAfterFirst);
  }

  @Test
  void aReusedIdempotencyKeyWithAnotherBodyIsRefused() throws Exception {
    String key = "reuse-" + UUID.randomUUID();
    postWithKey(body("api", newUserId(), 40, "hello"), key).andExpect(status().isCreated());
    long before = requests.count();

    postWithKey(body("api", newUserId(), 41, "hello"), key)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void aRedeliveredGreetingJobSendsNothingTwice() throws Exception {
    JsonNode created = api.createRequest(body("telegram", newUserId(), 30, null));
    UUID id = UUID.fromString(created.get("id").asText());
    api.awaitRequest(id, request -> ApiClient.hasOutbound(request, "greeting"));

    greetingWorker.sendGreeting(id.toString());
    greetingWorker.sendGreeting(id.toString());

    assertThat(outbox.findByRequestIdOrderByCreatedAt(id)).hasSize(1);
    assertThat(ApiClient.countOutbound(api.request(id), "greeting")).isEqualTo(1);
  }

  @Test
  void aContactsRequestsAreListedWithTheirHistories() throws Exception {
    String userId = newUserId();
    JsonNode first = api.createRequest(body("telegram", userId, 19, null));
    JsonNode second = api.createRequest(body("telegram", userId, 16, null));
    assertThat(second.get("contactId")).isEqualTo(first.get("contactId"));

    mvc.perform(
            get("/api/v1/contacts/{id}/requests", first.get("contactId").asText())
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.requests.length()").value(2))
        .andExpect(jsonPath("$.requests[0].statedAge").value(19))
        .andExpect(jsonPath("$.requests[1].statedAge").value(16))
        .andExpect(jsonPath("$.requests[0].history").isArray());
  }

  @Test
  void anUnknownRequestOrContactIsNotFound() throws Exception {
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID()).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            get("/api/v1/contacts/{id}/requests", UUID.randomUUID()).header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isNotFound());
  }

  @Test
  void noTextOrContactDetailReachesTheEngine() throws Exception {
    String marker = "MARKER-" + UUID.randomUUID();
    JsonNode created =
        api.createRequest(
            """
            {"channel":"telegram","channelUserId":"%s-handle","displayName":"%s-name","age":30,"language":"en",
             "message":"%s-message"}
            """
                .formatted(marker, marker, marker));
    api.awaitRequest(UUID.fromString(created.get("id").asText()), request -> ApiClient.hasOutbound(request, "greeting"));

    List<String> leaks = new ArrayList<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.toJson().contains(marker)) {
        leaks.add(record.getValueType() + " " + record.getIntent());
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(
            conversations
                .read(new StaffCaller("curator", Set.of(Roles.CURATOR)), UUID.fromString(created.get("id").asText()), "en")
                .messages())
        .as("the first message is in the conversation")
        .extracting(MessageView::text)
        .contains(marker + "-message");
  }

  @Test
  void integratorsAndPeopleMustAuthenticate() throws Exception {
    mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).content(body("web", "u", 30, null)))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/v1/requests")
                .header(ApiClient.API_KEY_HEADER, "wrong-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("web", "u", 30, null)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aSpecialistMayNeitherTakeInNorBrowseRequests() throws Exception {
    mvc.perform(
            post("/api/v1/requests")
                .with(httpBasic("specialist", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("web", newUserId(), 30, null)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID()).with(httpBasic("specialist", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aCuratorMayTakeInARequestWithTheirLogin() throws Exception {
    mvc.perform(
            post("/api/v1/requests")
                .with(httpBasic("curator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("api", newUserId(), 30, null)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.history[0].actor").value("curator"));
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("missing channel", MediaType.APPLICATION_JSON, "{\"channelUserId\":\"u1\"}", 400, "channel"),
        Arguments.of("unknown channel", MediaType.APPLICATION_JSON, "{\"channel\":\"fax\",\"channelUserId\":\"u1\"}", 400, "channel"),
        Arguments.of("blank user id", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",\"channelUserId\":\"  \"}", 400, "channelUserId"),
        Arguments.of("negative age", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",\"channelUserId\":\"u1\",\"age\":-4}", 400, "age"),
        Arguments.of("absurd age", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",\"channelUserId\":\"u1\",\"age\":412}", 400, "age"),
        Arguments.of("age not a number", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",\"channelUserId\":\"u1\",\"age\":\"old\"}", 400, "age"),
        Arguments.of("bad language", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",\"channelUserId\":\"u1\",\"language\":\"<script>\"}", 400, "language"),
        Arguments.of("oversized message", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",\"channelUserId\":\"u1\",\"message\":\"" + "x".repeat(4097) + "\"}", 400, "message"),
        Arguments.of("oversized name", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",\"channelUserId\":\"u1\",\"displayName\":\"" + "n".repeat(201) + "\"}", 400, "displayName"),
        Arguments.of("malformed JSON", MediaType.APPLICATION_JSON, "{\"channel\":\"web\",", 400, null),
        Arguments.of("not an object", MediaType.APPLICATION_JSON, "[1,2,3]", 400, null),
        Arguments.of("wrong content type", MediaType.TEXT_PLAIN, "channel=web", 415, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void invalidInputIsRefusedWithAProblemAndNothingIsStored(
      String caseName, MediaType contentType, String body, int expectedStatus, String field) throws Exception {
    long contactsBefore = contacts.count();
    long requestsBefore = requests.count();

    var result =
        mvc.perform(
                post("/api/v1/requests")
                    .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                    .contentType(contentType)
                    .content(body))
            .andExpect(status().is(expectedStatus))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    if (field != null) {
      result.andExpect(jsonPath("$.errors[0].field").value(field)).andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    assertThat(contacts.count()).isEqualTo(contactsBefore);
    assertThat(requests.count()).isEqualTo(requestsBefore);
  }

  private org.springframework.test.web.servlet.ResultActions postWithKey(String body, String key) throws Exception {
    return mvc.perform(
        post("/api/v1/requests")
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static String newUserId() {
    return "user-" + UUID.randomUUID();
  }

  private static String body(String channel, String userId, Integer age, String message) {
    return """
        {"channel":"%s","channelUserId":"%s"%s%s}
        """
        .formatted(
            channel,
            userId,
            age == null ? "" : ",\"age\":" + age,
            message == null ? "" : ",\"message\":\"" + message + "\"");
  }
}
