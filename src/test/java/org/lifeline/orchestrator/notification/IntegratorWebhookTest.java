package org.lifeline.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.FakeIntegrator;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.staff.InvitedStaff;
import org.lifeline.orchestrator.staff.StaffAccounts;
import org.lifeline.orchestrator.staff.StaffDraft;
import org.lifeline.orchestrator.staff.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An integrator with a webhook hears about its requests: the platform's messages (templates rendered in the person's
 * language) and staff replies are POSTed to it, signed, at least once, with a message id to drop duplicates. What it
 * answers decides the delivery state the specialist sees in the conversation.
 */
@PlatformTest
class IntegratorWebhookTest {

  private final FakeIntegrator integrator = FakeIntegrator.get();

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;
  @Autowired StaffAccounts staff;

  @Test
  void theGreetingReachesTheIntegratorSignedAndTheConversationShowsItSent() throws Exception {
    String handle = "wh-" + UUID.randomUUID();
    UUID requestId = intake(handle, "I cannot sleep since the move", 34);

    FakeIntegrator.Call greeting = awaitCall(handle, "greeting");
    assertThat(greeting.body().get("requestId").asText()).isEqualTo(requestId.toString());
    assertThat(greeting.body().get("channel").asText()).isEqualTo("web");
    assertThat(greeting.body().get("kind").asText()).isEqualTo("TEMPLATE");
    assertThat(greeting.body().get("language").asText()).isEqualTo("en");
    assertThat(greeting.body().get("text").asText()).isNotBlank();
    assertThat(greeting.messageId()).isEqualTo(greeting.body().get("id").asText());
    assertThat(greeting.signature())
        .as("HMAC-SHA256 of timestamp.body with the webhook's secret")
        .isEqualTo(hmacSha256(FakeIntegrator.SECRET, greeting.timestamp(), greeting.rawBody()));
    assertThat(Long.parseLong(greeting.timestamp())).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(deliveryOf(requestId, "greeting")));
    assertThat(new String(greeting.rawBody(), StandardCharsets.UTF_8)).contains(greeting.body().get("text").asText());
  }

  @Test
  void aFailingWebhookIsTriedAgainWithTheSameMessageIdUntilItTakesTheMessage() throws Exception {
    String handle = "wh-" + UUID.randomUUID();
    integrator.script(handle, 500, 503);
    UUID requestId = intake(handle, "Hello, is anyone there", 40);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(deliveryOf(requestId, "greeting")));
    List<FakeIntegrator.Call> greetings = callsFor(handle, "greeting");
    assertThat(greetings).hasSize(3);
    assertThat(greetings).extracting(FakeIntegrator.Call::messageId).containsOnly(greetings.get(0).messageId());
  }

  @Test
  void goneMeansThePersonCannotBeReachedThereAndNothingIsTriedAgain() throws Exception {
    String handle = "wh-" + UUID.randomUUID();
    integrator.script(handle, 410);
    UUID requestId = intake(handle, "Hello", 40);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "UNREACHABLE".equals(deliveryOf(requestId, "greeting")));
    JsonNode request = json.readTree(mvc.perform(get("/api/v1/requests/{id}", requestId).header(ApiClient.API_KEY_HEADER, FakeIntegrator.API_KEY))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(request.get("history").findValuesAsText("type")).contains("CHANNEL_UNREACHABLE");
    assertThat(callsFor(handle, "greeting")).hasSize(1);
  }

  @Test
  void crisisResourcesAndTheSupervisorsReplyReachTheIntegratorUnderTheSupervisorsDisplayName() throws Exception {
    String username = "sv-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Lantern-orbit-47-quietly";
    InvitedStaff invited = staff.invite(new StaffDraft(username, "Maria Bondar", null, Set.of(StaffRole.SUPERVISOR)), "admin");
    String link = invited.invitation().url().toString();
    staff.acceptInvitation(link.substring(link.lastIndexOf('/') + 1), password);
    String handle = "wh-" + UUID.randomUUID();
    UUID requestId = intake(handle, "I am going to kill myself tonight", 40);

    awaitCall(handle, "crisis-resources");
    String text = "This is the on-duty supervisor. Are you safe right now?";
    awaitReplyAccepted(requestId, httpBasic(username, password), text);

    FakeIntegrator.Call reply = awaitReply(handle, text);
    assertThat(reply.body().has("template")).isFalse();
    assertThat(reply.body().get("senderName").asText()).as("the account's display name, never the login").isEqualTo("Maria Bondar");
  }

  @Test
  void aConfiguredSupervisorWithoutADisplayNameRepliesWithoutAnyNameRatherThanTheirLogin() throws Exception {
    String handle = "wh-" + UUID.randomUUID();
    UUID requestId = intake(handle, "I am going to kill myself tonight", 40);

    awaitCall(handle, "crisis-resources");
    String text = "Someone from the line is with you now.";
    awaitReplyAccepted(requestId, httpBasic("supervisor", "demo"), text);

    FakeIntegrator.Call reply = awaitReply(handle, text);
    assertThat(reply.body().has("senderName")).as("a configured user has only a username, which the person never sees").isFalse();
    assertThat(new String(reply.rawBody(), StandardCharsets.UTF_8)).doesNotContain("\"supervisor\"");
  }

  private void awaitReplyAccepted(UUID requestId, RequestPostProcessor supervisor, String text) {
    // The escalation opens once the risk is scanned: until then a supervisor may not write.
    Awaitility.await().atMost(Duration.ofSeconds(45)).until(() ->
        mvc.perform(post("/api/v1/requests/{id}/replies", requestId)
                .with(supervisor)
                .header("Idempotency-Key", "first-words")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("text", text))))
            .andReturn().getResponse().getStatus() == 202);
  }

  private FakeIntegrator.Call awaitReply(String handle, String text) {
    return Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> integrator.callsFor(handle).stream()
                .filter(call -> "REPLY".equals(call.body().path("kind").asText()) && text.equals(call.body().path("text").asText()))
                .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** As docs/conversation.md tells integrators to verify it, computed here without the platform's code. */
  private static String hmacSha256(String secret, String timestamp, byte[] rawBody) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
  }

  private UUID intake(String handle, String message, int age) throws Exception {
    String body = json.writeValueAsString(Map.of(
        "channel", "web", "channelUserId", handle, "age", age, "language", "en", "message", message));
    String created = mvc.perform(post("/api/v1/requests")
            .header(ApiClient.API_KEY_HEADER, FakeIntegrator.API_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return UUID.fromString(json.readTree(created).get("id").asText());
  }

  private FakeIntegrator.Call awaitCall(String handle, String template) {
    return Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> callsFor(handle, template), calls -> !calls.isEmpty()).get(0);
  }

  private List<FakeIntegrator.Call> callsFor(String handle, String template) {
    return integrator.callsFor(handle).stream().filter(call -> template.equals(call.body().path("template").asText())).toList();
  }

  /** The delivery state of the request's template message, as a curator reads it in the conversation. */
  private String deliveryOf(UUID requestId, String template) throws Exception {
    String body = mvc.perform(get("/api/v1/requests/{id}/conversation", requestId).with(httpBasic("curator", "demo")))
        .andReturn().getResponse().getContentAsString();
    for (JsonNode message : json.readTree(body).path("messages")) {
      if (template.equals(message.path("template").asText())) {
        return message.path("delivery").asText();
      }
    }
    return null;
  }
}
