package org.lifeline.orchestrator.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.RiskLevel;
import org.lifeline.orchestrator.staff.StaffTestCalls;
import org.lifeline.orchestrator.telegram.FakeBotApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts to staff reach people: a real SMTP server (GreenMail) and a local server playing the Telegram Bot API, the
 * platform with its real workers, outbox and engine. What the person wrote carries a marker that no alert may contain.
 */
@SpringBootTest(
    properties = {
      "lifeline.alerts.email.enabled=true",
      "lifeline.alerts.email.from=alerts@lifeline.example.org",
      "lifeline.alerts.max-attempts=3",
      "lifeline.console.public-url=https://console.lifeline.example.org",
      "lifeline.telegram.enabled=true",
      "lifeline.telegram.bot-token=123:alert-test-token",
      "lifeline.telegram.updates=webhook",
      "lifeline.telegram.webhook-secret=" + StaffAlertsAcceptanceTest.SECRET,
      "lifeline.telegram.per-chat-interval=10ms"
    })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StaffAlertsAcceptanceTest {

  static final String SECRET = "a-long-webhook-secret-for-alerts";
  static final String RISKY = "I want to kill myself tonight";

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static final FakeBotApi botApi = new FakeBotApi();
  private static final AtomicLong chats = new AtomicLong(7_000_000);
  private static final AtomicLong updates = new AtomicLong(90_000);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ZeebeTestEngine engine;
  @Autowired CuratorTasks tasks;
  @Autowired ContactDirectory contacts;
  @Autowired StaffAlerts alerts;
  @Autowired StaffAlertRepository alertRows;
  @Autowired TransactionTemplate transaction;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    registry.add("lifeline.telegram.api-base-url", botApi::baseUrl);
  }

  @AfterAll
  static void stopBotApi() {
    botApi.close();
  }

  @Test
  void anEscalationEmailsTheOnDutySupervisorWithinSecondsThenTheBackupOnTheTimerWithoutThePersonsWords() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String primary = invite("duty-" + tag, "duty-" + tag + "@lifeline.example.org", "SUPERVISOR");
    String backup = invite("backup-" + tag, "backup-" + tag + "@lifeline.example.org", "SUPERVISOR");
    setRota(Map.of("primary", primary, "backup", backup, "all", List.of(primary, backup)));
    String marker = "MARKER" + tag;
    ApiClient api = new ApiClient(mvc, json);
    UUID requestId =
        UUID.fromString(
            api.createRequest(json.writeValueAsString(Map.of("channel", "web", "channelUserId", "esc-" + tag, "language", "en")))
                .get("id").asText());

    mvc.perform(
            post("/api/v1/requests/{id}/messages", requestId)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("text", RISKY + " " + marker))))
        .andExpect(status().isAccepted());

    // Within seconds: the engine's clock is not moved, so no timer can have fired.
    MimeMessage toPrimary = awaitMail(mailTo("duty-" + tag), Duration.ofSeconds(10));
    assertThat(toPrimary.getSubject()).contains("HIGH risk", "you are on duty", requestId.toString().substring(0, 8));
    String body = GreenMailUtil.getBody(toPrimary);
    assertThat(body).contains(requestId.toString(), "Risk level: HIGH", "https://console.lifeline.example.org/console/tasks");
    assertThat(toPrimary.getFrom()[0].toString()).isEqualTo("alerts@lifeline.example.org");
    assertThat(toPrimary.getMessageID()).endsWith("@lifeline>");
    assertThat(mailsTo("backup-" + tag)).as("the backup is not alerted before the first limit").isEmpty();

    api.awaitRequest(requestId, request -> hasStep(request, "on-duty-notified"));
    engine.increaseTime(Duration.ofMinutes(5));
    MimeMessage toBackup = awaitMail(mailTo("backup-" + tag), Duration.ofSeconds(30));
    assertThat(toBackup.getSubject()).contains("you are the backup");
    assertThat(api.awaitRequest(requestId, request -> hasStep(request, "backup-notified")).toString()).contains(backup);

    engine.increaseTime(Duration.ofMinutes(10));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailsTo("duty-" + tag).size() == 2 && mailsTo("backup-" + tag).size() == 2);
    assertThat(alertRows.findByRequestIdOrderByCreatedAt(requestId).stream()
            .filter(alert -> alert.getEvent() == AlertEvent.ESCALATION_ALL))
        .as("every supervisor of the rota, by e-mail, sent")
        .extracting(StaffAlert::getRecipient, StaffAlert::getChannel, StaffAlert::getStatus)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(primary, AlertChannel.EMAIL, StaffAlert.Status.SENT),
            org.assertj.core.groups.Tuple.tuple(backup, AlertChannel.EMAIL, StaffAlert.Status.SENT));
    assertThat(mailsTo("backup-" + tag).get(1).getSubject()).contains("still not reviewed");
    assertThat(api.awaitRequest(requestId, request -> hasStep(request, "all-supervisors-alerted")).toString())
        .contains(primary + "," + backup);

    for (MimeMessage message : smtp.getReceivedMessages()) {
      String whole = message.getSubject() + "\n" + GreenMailUtil.getWholeMessage(message);
      assertThat(whole).doesNotContain(marker).doesNotContain("kill");
    }
    assertThat(mailsTo("duty-" + tag)).as("one e-mail per step, however often the job ran").hasSize(2);
  }

  /**
   * A specialist links their Telegram chat by sending the bot the console's code; from then on a case assigned to
   * them, the person's new messages (one alert for two messages in ten minutes) and the curators' reminder reach them
   * there and by e-mail, and the curators are alerted of the first-contact task. What they write in the linked chat
   * never opens a request.
   */
  @Test
  void aSpecialistLinksTelegramByCodeAndIsAlertedOfTheirCaseThere() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String username = "spec-" + tag;
    String password = "violet meadow kettle " + tag;
    String token = StaffTestCalls.tokenOf(inviteJson(username, username + "@lifeline.example.org", "SPECIALIST"));
    mvc.perform(
            post("/api/v1/staff/invitations/{token}", token)
                .with(StaffTestCalls.anotherAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("password", password))))
        .andExpect(status().isOk());
    long chat = chats.incrementAndGet();

    JsonNode code =
        json.readTree(
            mvc.perform(post("/api/v1/staff/me/telegram-link").with(httpBasic(username, password)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    assertThat(code.get("message").asText()).matches("/link [A-Z2-9]{4}-[A-Z2-9]{4}");
    webhook(chat, "/link " + code.get("code").asText().toLowerCase());

    assertThat(lastTextTo(chat)).contains("now receives the help line's staff alerts");
    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, password)))
        .andExpect(result -> assertThat(json.readTree(result.getResponse().getContentAsString()).get("telegramLinked").asBoolean()).isTrue());
    webhook(chat, "Hello, is anybody there?");
    assertThat(lastTextTo(chat)).contains("staff alerts only");
    long stranger = chats.incrementAndGet();
    webhook(stranger, "/link ZZZZ-ZZZZ");
    assertThat(lastTextTo(stranger)).contains("not valid");
    assertThat(contacts.find(Channel.TELEGRAM, Long.toString(chat))).as("a staff chat is not a person").isEmpty();
    assertThat(contacts.find(Channel.TELEGRAM, Long.toString(stranger))).isEmpty();

    // What the person writes carries its own marker (the tag is in the specialist's name and address).
    String marker = "W" + UUID.randomUUID().toString().substring(0, 8);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    ApiClient api = new ApiClient(mvc, json);
    String specialistId = cases.registerSpecialist(username, "Iryna " + tag, "uk", "SENIOR");
    try {
      String firstWords = "Я втратила дім " + marker;
      UUID requestId =
          UUID.fromString(
              api.createRequest(
                      json.writeValueAsString(
                          Map.of("channel", "web", "channelUserId", "case-" + tag, "language", "uk", "age", 80, "message", firstWords)))
                  .get("id").asText());
      api.awaitRequest(requestId, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
      cases.completeQuestionnaire(requestId, "uk");
      api.awaitRequest(requestId, request -> "ASSIGNED".equals(request.get("status").asText()));

      String assigned = awaitTextTo(chat, text -> text.contains("a case is assigned to you"));
      assertThat(assigned).contains(requestId.toString(), "https://console.lifeline.example.org/console/tasks").doesNotContain(marker);
      assertThat(awaitMail(mailTo(username), Duration.ofSeconds(10)).getSubject()).contains("a case is assigned to you");

      cases.accept(requestId, username);
      api.awaitRequest(requestId, request -> "IN_PROGRESS".equals(request.get("status").asText()));
      personWrites(requestId, "Мені досі погано " + marker);
      personWrites(requestId, "І ще одне " + marker);
      String newMessage = awaitTextTo(chat, text -> text.contains("new message in your case"));
      assertThat(newMessage).contains("https://console.lifeline.example.org/console/cases/" + requestId).doesNotContain(marker);
      Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> true);
      assertThat(textsTo(chat).stream().filter(text -> text.contains("new message in your case")))
          .as("two messages within ten minutes: one alert").hasSize(1);

      engine.increaseTime(Duration.ofHours(1).plusMinutes(1));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> alertRows.findByRequestIdOrderByCreatedAt(requestId).stream()
              .anyMatch(alert -> alert.getEvent() == AlertEvent.FIRST_CONTACT_TASK && alert.getRecipient().equals("curator")
                  && alert.getChannel() == AlertChannel.LOG && alert.getStatus() == StaffAlert.Status.SENT));
      new TaskInbox(tasks)
          .complete(
              requestId,
              HelpRequestProcess.Elements.TASK_REVIEW_FIRST_CONTACT,
              "curator",
              Roles.CURATOR,
              Map.of(HelpRequestProcess.Variables.FIRST_CONTACT_DECISION, "remind"));
      String reminder = awaitTextTo(chat, text -> text.contains("please contact the person"));
      assertThat(reminder).contains(requestId.toString()).doesNotContain(marker);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(username).size() >= 3);
      for (MimeMessage message : mailsTo(username)) {
        assertThat(GreenMailUtil.getWholeMessage(message)).doesNotContain(marker);
      }
    } finally {
      cases.pause(specialistId);
    }
  }

  /**
   * The on-duty supervisor has neither e-mail nor Telegram: setting the rota warns about them, and an escalation alerts
   * the backup at once (before any timer) instead of paging nobody for the first five minutes.
   */
  @Test
  void aPrimaryNoChannelReachesIsNamedWhenTheRotaIsSetAndTheBackupIsAlertedAtOnce() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String unreachable = invite("nomail-" + tag, null, "SUPERVISOR");
    String backup = invite("fallback-" + tag, "fallback-" + tag + "@lifeline.example.org", "SUPERVISOR");
    JsonNode rota = setRota(Map.of("primary", unreachable, "backup", backup, "all", List.of(unreachable, backup)));
    assertThat(rota.get("warnings")).singleElement().satisfies(warning -> assertThat(warning.asText()).contains(unreachable));
    assertThat(rota.get("warnings").toString()).doesNotContain(backup);

    ApiClient api = new ApiClient(mvc, json);
    UUID requestId =
        UUID.fromString(
            api.createRequest(json.writeValueAsString(Map.of("channel", "web", "channelUserId", "fb-" + tag, "language", "en")))
                .get("id").asText());
    personWrites(requestId, RISKY);

    // The engine's clock is not moved: the backup timer cannot have fired.
    MimeMessage toBackup = awaitMail(mailTo("fallback-" + tag), Duration.ofSeconds(10));
    assertThat(toBackup.getSubject()).contains("HIGH risk", requestId.toString().substring(0, 8));
    JsonNode request = api.awaitRequest(requestId, found -> hasStep(found, "on-duty-notified"));
    assertThat(request.toString()).contains(backup);
    assertThat(alertRows.findByRequestIdOrderByCreatedAt(requestId))
        .as("nothing queued for the unreachable primary, the backup's on-duty alert by e-mail")
        .extracting(StaffAlert::getRecipient, StaffAlert::getEvent, StaffAlert::getChannel)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(backup, AlertEvent.ESCALATION_ON_DUTY, AlertChannel.EMAIL));
  }

  /** While e-mail or Telegram is set up, an escalation alert that reached only the log makes health DOWN and says why. */
  @Test
  void anEscalationAlertThatReachedOnlyTheLogMakesHealthDown() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String unreachable = invite("logonly-" + tag, null, "SUPERVISOR");
    UUID requestId = UUID.randomUUID();
    transaction.executeWithoutResult(
        status -> alerts.alert(AlertEvent.ESCALATION_ALL, requestId, RiskLevel.HIGH, List.of(unreachable), "test-occurrence"));
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> statusesOf(requestId).equals(List.of(StaffAlert.Status.SENT)));
    assertThat(alertRows.findByRequestIdOrderByCreatedAt(requestId)).singleElement()
        .satisfies(alert -> assertThat(alert.getChannel()).isEqualTo(AlertChannel.LOG));

    JsonNode health =
        json.readTree(mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo"))).andReturn().getResponse().getContentAsString());
    assertThat(health.at("/components/staffAlerts/status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/components/staffAlerts/details/escalationsUnreached").asLong()).isGreaterThanOrEqualTo(1);
  }

  /** Queued once per occurrence; a failing channel is retried with backoff, then given up and shown in health. */
  @Test
  void alertsAreDeduplicatedRetriedAndFailuresShowInHealth() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String username = "retry-" + tag;
    String password = "amber canyon whistle " + tag;
    String token = StaffTestCalls.tokenOf(inviteJson(username, null, "SUPERVISOR"));
    mvc.perform(
            post("/api/v1/staff/invitations/{token}", token)
                .with(StaffTestCalls.anotherAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("password", password))))
        .andExpect(status().isOk());
    long chat = chats.incrementAndGet();
    JsonNode code =
        json.readTree(mvc.perform(post("/api/v1/staff/me/telegram-link").with(httpBasic(username, password)))
            .andReturn().getResponse().getContentAsString());
    webhook(chat, code.get("message").asText());

    UUID flaky = UUID.randomUUID();
    botApi.scriptSendTo(chat, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
    for (int i = 0; i < 2; i++) {
      transaction.executeWithoutResult(
          status -> alerts.alert(AlertEvent.ESCALATION_ON_DUTY, flaky, RiskLevel.HIGH, List.of(username), "test-occurrence"));
    }
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> statusesOf(flaky).equals(List.of(StaffAlert.Status.SENT)));
    assertThat(alertRows.findByRequestIdOrderByCreatedAt(flaky)).singleElement().satisfies(alert -> {
      assertThat(alert.getChannel()).isEqualTo(AlertChannel.TELEGRAM);
      assertThat(alert.getAttempts()).as("the first attempt failed, the retry went out").isEqualTo(2);
    });
    assertThat(textsTo(chat).stream().filter(text -> text.contains(flaky.toString())))
        .as("queued twice, sent once after one failed call")
        .hasSize(2);

    UUID broken = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      botApi.scriptSendTo(chat, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
    }
    transaction.executeWithoutResult(
        status -> alerts.alert(AlertEvent.ESCALATION_BACKUP, broken, RiskLevel.HIGH, List.of(username), "test-occurrence"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> statusesOf(broken).equals(List.of(StaffAlert.Status.FAILED)));

    JsonNode health =
        json.readTree(mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo"))).andReturn().getResponse().getContentAsString());
    assertThat(health.at("/components/staffAlerts/status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/components/staffAlerts/details/failedRecently").asLong()).isGreaterThanOrEqualTo(1);
  }

  private List<StaffAlert.Status> statusesOf(UUID requestId) {
    return alertRows.findByRequestIdOrderByCreatedAt(requestId).stream().map(StaffAlert::getStatus).toList();
  }

  private void personWrites(UUID requestId, String text) throws Exception {
    mvc.perform(
            post("/api/v1/requests/{id}/messages", requestId)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("text", text))))
        .andExpect(status().isAccepted());
  }

  /** An active account: invited, and the password set through the invitation (only active staff can be on duty). */
  private String invite(String username, String email, String role) throws Exception {
    JsonNode invited = inviteJson(username, email, role);
    mvc.perform(
            post("/api/v1/staff/invitations/{token}", StaffTestCalls.tokenOf(invited))
                .with(StaffTestCalls.anotherAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("password", "quiet river lantern " + UUID.randomUUID().toString().substring(0, 8)))))
        .andExpect(status().isOk());
    return invited.get("username").asText();
  }

  private JsonNode inviteJson(String username, String email, String role) throws Exception {
    Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", username, "roles", List.of(role)));
    if (email != null) {
      body.put("email", email);
    }
    return json.readTree(
        mvc.perform(
                post("/api/v1/admin/staff")
                    .with(httpBasic("admin", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString());
  }

  private JsonNode setRota(Map<String, Object> rota) throws Exception {
    return json.readTree(
        mvc.perform(
                put("/api/v1/admin/on-duty")
                    .with(httpBasic("admin", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(rota)))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString());
  }

  private void webhook(long chat, String text) throws Exception {
    String update =
        """
        {"update_id": %d, "message": {"message_id": 1, "chat": {"id": %d, "type": "private"},
         "from": {"id": %d, "first_name": "Staff", "language_code": "en"}, "text": %s}}
        """
            .formatted(updates.incrementAndGet(), chat, chat, json.writeValueAsString(text));
    mvc.perform(
            post("/telegram/webhook")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .contentType(MediaType.APPLICATION_JSON)
                .content(update))
        .andExpect(status().isOk());
  }

  private static List<String> textsTo(long chat) {
    return botApi.messagesTo(chat).stream().map(call -> call.body().path("text").asText()).toList();
  }

  private static String lastTextTo(long chat) {
    List<String> texts = textsTo(chat);
    assertThat(texts).isNotEmpty();
    return texts.get(texts.size() - 1);
  }

  private static String awaitTextTo(long chat, java.util.function.Predicate<String> wanted) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> textsTo(chat).stream().filter(wanted).findFirst().orElse(null), found -> found != null);
  }

  private static java.util.function.Predicate<MimeMessage> mailTo(String localPart) {
    return message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
            .anyMatch(address -> address.toString().startsWith(localPart + "@"));
      } catch (jakarta.mail.MessagingException unreadable) {
        throw new IllegalStateException(unreadable);
      }
    };
  }

  private static List<MimeMessage> mailsTo(String localPart) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mailTo(localPart)).toList();
  }

  private static MimeMessage awaitMail(java.util.function.Predicate<MimeMessage> wanted, Duration within) {
    return Awaitility.await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(wanted).findFirst().orElse(null), found -> found != null);
  }

  private static boolean hasStep(JsonNode request, String step) {
    for (JsonNode entry : request.get("history")) {
      if ("ESCALATION".equals(entry.path("type").asText()) && step.equals(entry.path("step").asText())) {
        return true;
      }
    }
    return false;
  }


}
