package org.lifeline.orchestrator.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.escalation.risk.RiskDetector;
import org.lifeline.orchestrator.notification.MessageTemplates;
import org.lifeline.orchestrator.questionnaire.Questionnaire;
import org.lifeline.orchestrator.questionnaire.QuestionnaireAnswerRepository;
import org.springframework.context.MessageSource;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.RequestEvent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.lifeline.orchestrator.notification.OutboundMessageRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestEventRepository;
import org.lifeline.orchestrator.request.RequestEventType;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The bot against a local server that plays the Bot API, through the real webhook and outbox. */
@SpringBootTest(
    properties = {
      "lifeline.telegram.enabled=true",
      "lifeline.telegram.bot-token=123:test-token",
      "lifeline.telegram.updates=webhook",
      "lifeline.telegram.webhook-secret=" + TelegramBotTest.SECRET,
      "lifeline.telegram.per-chat-interval=10ms"
    })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TelegramBotTest {

  static final String SECRET = "a-long-webhook-secret-for-tests";
  static final FakeBotApi botApi = new FakeBotApi();
  private static final AtomicLong updateIds = new AtomicLong(1000);
  private static final AtomicLong chatIds = new AtomicLong(5_000_000);

  @Autowired MockMvc mvc;
  @Autowired ContactRepository contacts;
  @Autowired ContactDirectory directory;
  @Autowired HelpRequestRepository requests;
  @Autowired RequestEventRepository events;
  @Autowired OutboundMessageRepository outbox;
  @Autowired CuratorTasks tasks;
  @Autowired ObjectMapper json;
  @Autowired MessageSource texts;
  @Autowired MessageTemplates templates;
  @Autowired RiskDetector detector;
  @Autowired Questionnaire questionnaire;
  @Autowired QuestionnaireAnswerRepository answers;

  @DynamicPropertySource
  static void botApiAddress(DynamicPropertyRegistry registry) {
    registry.add("lifeline.telegram.api-base-url", botApi::baseUrl);
  }

  @AfterAll
  static void stopBotApi() {
    botApi.close();
  }

  @Test
  void startOpensARequestAndTheGreetingArrivesThroughTheBot() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "ru")).andExpect(status().isOk());

    HelpRequest request = openRequestOf(chat).orElseThrow();
    assertThat(request.getChannel()).isEqualTo(Channel.TELEGRAM);
    assertThat(request.getLanguage()).isEqualTo("ru");
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !botApi.messagesTo(chat).isEmpty());
    assertThat(botApi.messagesTo(chat).get(0).body().path("text").asText()).startsWith("Здравствуйте");
  }

  @Test
  void aRedeliveredUpdateIsHandledOnce() throws Exception {
    long chat = chatIds.incrementAndGet();
    String first = update(chat, "Мне очень плохо", "ru");
    webhook(first).andExpect(status().isOk());
    webhook(first).andExpect(status().isOk());
    HelpRequest request = openRequestOf(chat).orElseThrow();
    String next = update(chat, "Я не сплю третью ночь", "ru");
    webhook(next).andExpect(status().isOk());
    webhook(next).andExpect(status().isOk());

    assertThat(requests.findByContactIdOrderByCreatedAt(request.getContactId())).hasSize(1);
    assertThat(events.findByRequestIdOrderByAtAscIdAsc(request.getId()))
        .filteredOn(event -> event.getType() == RequestEventType.MESSAGE_IN)
        .hasSize(2);
  }

  @Test
  void aWrongWebhookSecretIsRefusedAndNothingIsStored() throws Exception {
    long chat = chatIds.incrementAndGet();
    mvc.perform(
            post("/telegram/webhook")
                .header(TelegramWebhookController.SECRET_HEADER, "not-the-secret")
                .contentType(MediaType.APPLICATION_JSON)
                .content(update(chat, "/start", "en")))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON).content(update(chat, "/start", "en")))
        .andExpect(status().isUnauthorized());

    assertThat(directory.find(Channel.TELEGRAM, Long.toString(chat))).isEmpty();
  }

  @Test
  void helpIsAnswered() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/help", "uk")).andExpect(status().isOk());

    assertThat(botApi.messagesTo(chat)).singleElement()
        .satisfies(call -> assertThat(call.body().path("text").asText()).startsWith("Це безкоштовна"));
    assertThat(directory.find(Channel.TELEGRAM, Long.toString(chat))).isEmpty();
  }

  @Test
  void aRateLimitedMessageIsSentAgainAfterRetryAfter() throws Exception {
    long chat = chatIds.incrementAndGet();
    botApi.scriptSendTo(
        chat, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\",\"parameters\":{\"retry_after\":1}}");
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    UUID requestId = openRequestOf(chat).orElseThrow().getId();

    OutboundMessage greeting =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> greetingOf(requestId), message -> message != null && message.getStatus() == OutboundMessage.Status.SENT);

    assertThat(botApi.messagesTo(chat))
        .filteredOn(call -> call.body().path("text").asText().startsWith("Hello"))
        .hasSize(2);
    assertThat(greeting.getAttempts()).isEqualTo(1);
  }

  @Test
  void aBlockedBotMarksTheContactUnreachableTellsCuratorsAndNeverLoops() throws Exception {
    long chat = chatIds.incrementAndGet();
    botApi.scriptSendTo(chat, 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
    webhook(update(chat, "I need help", "en")).andExpect(status().isOk());
    HelpRequest request = openRequestOf(chat).orElseThrow();

    OutboundMessage greeting =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> greetingOf(request.getId()), message -> message != null && message.getStatus() == OutboundMessage.Status.UNREACHABLE);

    assertThat(greeting.getAttempts()).isEqualTo(1);
    assertThat(botApi.messagesTo(chat)).hasSize(1);
    Contact contact = contacts.findById(request.getContactId()).orElseThrow();
    assertThat(contact.isReachable()).isFalse();
    assertThat(events.findByRequestIdOrderByAtAscIdAsc(request.getId()))
        .extracting(event -> event.getType())
        .contains(RequestEventType.CHANNEL_UNREACHABLE);
  }

  @Test
  void aWholeDialogueFromStartToACompletedQuestionnaire() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());

    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    assertThat(botApi.messagesTo(chat).get(0).body().path("text").asText()).startsWith("Hello");
    answer(chat, "30", "What would you like help with?");
    assertThat(lastMessage(chat).path("reply_markup").path("keyboard").toString()).contains("Anxiety, fear or panic");
    answer(chat, "Anxiety, fear or panic", "If you wish, tell us a little more");
    assertThat(lastMessage(chat).path("reply_markup").path("keyboard").toString()).contains("Skip");
    answer(chat, "Skip", "We ask everyone the next two questions");
    answer(chat, "/back", "If you wish, tell us a little more");
    answer(chat, "Skip", "We ask everyone the next two questions");
    answer(chat, "Banana", "We ask everyone the next two questions");
    assertThat(botApi.messagesTo(chat).get(botApi.messagesTo(chat).size() - 2).body().path("text").asText())
        .startsWith("Thank you for writing this. Your message is kept with your request");
    answer(chat, "No", "Right now, is there a risk");
    answer(chat, "No", "Which language would you prefer");
    answer(chat, "English", "When is it best for a specialist");
    answer(chat, "Any time", "Thank you for your answers");

    HelpRequest request = openRequestOf(chat).orElseThrow();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> requests.findById(request.getId()).orElseThrow().getStatus() == RequestStatus.AWAITING_ASSIGNMENT);
    assertThat(events.findByRequestIdOrderByAtAscIdAsc(request.getId()))
        .filteredOn(event -> event.getType() == RequestEventType.MESSAGE_IN)
        .hasSize(9);
  }

  @Test
  void aMinorIsRedirectedThroughTheBot() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");

    webhook(update(chat, "15", "en")).andExpect(status().isOk());

    awaitLastMessageStartsWith(chat, "Thank you for reaching out. Our service works with adults");
    // The redirect goes out first, then the request ends as REDIRECTED_MINOR.
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openRequestOf(chat).isEmpty());
  }

  /**
   * The acceptance path of the case conversation: a person writes to the bot, answers the questionnaire and is
   * assigned; what they write then goes to their specialist (acknowledged once until the case is accepted); the
   * specialist accepts, reads the first message and answers, replies, and the reply arrives in the person's chat with
   * the specialist's name; the person's answer shows as unread; a reply the Bot API refuses with 403 is UNREACHABLE.
   */
  @Test
  void aPersonAndTheirSpecialistTalkThroughTheBot() throws Exception {
    long chat = chatIds.incrementAndGet();
    String username = "tg-" + chat;
    RequestPostProcessor specialist = user(username).roles(Roles.SPECIALIST);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    // Ukrainian-speaking seniors: no other request of this test class matches.
    String specialistId = cases.registerSpecialist(username, "Olena Kovalenko", "uk", "SENIOR");
    try {
      webhook(update(chat, "I need to talk to someone, I lost my flat", "en")).andExpect(status().isOk());
      awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
      answer(chat, "70", "What would you like help with?");
      answer(chat, "Loss of home, having to move", "If you wish, tell us a little more");
      answer(chat, "Skip", "We ask everyone the next two questions");
      answer(chat, "No", "Right now, is there a risk");
      answer(chat, "No", "Which language would you prefer");
      answer(chat, "Ukrainian", "When is it best for a specialist");
      answer(chat, "Any time", "Thank you for your answers");
      HelpRequest request = openRequestOf(chat).orElseThrow();
      UUID requestId = request.getId();
      awaitStatus(requestId, RequestStatus.ASSIGNED);

      // Held but not accepted yet: the person's words are for the specialist, acknowledged once.
      webhook(update(chat, "Are you there?", "en")).andExpect(status().isOk());
      awaitLastMessageStartsWith(chat, "Thank you, your message has been passed on to your specialist");
      webhook(update(chat, "Hello?", "en")).andExpect(status().isOk());
      assertThat(outbox.findByRequestIdOrderByCreatedAt(requestId))
          .filteredOn(message -> org.lifeline.orchestrator.dialogue.ChatDialogue.TEMPLATE_PASSED_ON.equals(message.getTemplate()))
          .hasSize(1);
      assertThat(requests.findByContactIdOrderByCreatedAt(request.getContactId())).as("no new request").hasSize(1);

      cases.accept(requestId, username);
      awaitStatus(requestId, RequestStatus.IN_PROGRESS);
      JsonNode conversation = conversation(requestId, specialist);
      assertThat(texts(conversation, "IN")).containsExactly("I need to talk to someone, I lost my flat", "70" , "Loss of home, having to move", "Skip", "No", "No", "Ukrainian", "Any time", "Are you there?", "Hello?");
      assertThat(conversation.toString()).contains("\"template\":\"greeting\"", "\"template\":\"assignment-notice\"");
      assertThat(conversation.path("answers").toString()).contains("Loss of home, having to move", "Ukrainian");

      String greeting = "Доброго дня, мене звати Олена, я психологиня і тепер буду з вами.";
      long replyId = reply(requestId, specialist, greeting);
      awaitLastMessageStartsWith(chat, "Olena Kovalenko:\n" + greeting);
      awaitDelivery(requestId, specialist, replyId, "SENT");
      assertThat(events.findByRequestIdOrderByAtAscIdAsc(requestId))
          .anySatisfy(event -> {
            assertThat(event.getType()).isEqualTo(RequestEventType.MESSAGE_OUT);
            assertThat(event.getKind()).isEqualTo("REPLY");
            assertThat(event.getActor()).isEqualTo(username);
          });

      webhook(update(chat, "Дякую, мені дуже самотньо", "uk")).andExpect(status().isOk());
      JsonNode mine = myCases(specialist).get(0);
      assertThat(mine.get("requestId").asText()).isEqualTo(requestId.toString());
      assertThat(mine.get("unread").asInt()).isEqualTo(1);
      assertThat(texts(conversation(requestId, specialist), "IN")).endsWith("Дякую, мені дуже самотньо");
      assertThat(myCases(specialist).get(0).get("unread").asInt()).isZero();

      botApi.scriptSendTo(chat, 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
      long blocked = reply(requestId, specialist, "Коли вам зручно поговорити?");
      awaitDelivery(requestId, specialist, blocked, "UNREACHABLE");

      // What the person writes is still scanned for risk.
      webhook(update(chat, "I want to kill myself", "en")).andExpect(status().isOk());
      assertThat(events.findByRequestIdOrderByAtAscIdAsc(requestId))
          .extracting(RequestEvent::getType)
          .contains(RequestEventType.RISK_SIGNAL);
    } finally {
      cases.pause(specialistId);
    }
  }

  /** The first case: at the age question, words that announce ending it all today without naming the act. */
  @Test
  void aRiskMessageAtTheAgeQuestionGetsTheCrisisResourcesFirstAndNoValidationError() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    UUID requestId = openRequestOf(chat).orElseThrow().getId();

    int before = botApi.messagesTo(chat).size();
    webhook(update(chat, "Today I end it all", "en")).andExpect(status().isOk());

    List<String> riskReplies = riskRepliesTo("Today I end it all");
    assertThat(riskReplies).first().isEqualTo("outbound.crisis-resources");
    assertThat(keysSince(chat, before)).containsExactlyElementsOf(riskReplies);
    // The escalation's own first step sends nothing twice, and the question is not repeated.
    awaitEscalationOpened(requestId);
    assertThat(keysSince(chat, before)).containsExactlyElementsOf(riskReplies);
    assertThat(outboxTemplates(requestId)).containsOnlyOnce("crisis-resources");

    // Writing again goes on: the age is taken, the flow qualifies and asks the next question.
    answer(chat, "30", "What would you like help with?");
    assertThat(keysSince(chat, before)).doesNotContain("bot.invalid-number", "bot.message-noted");
  }

  /**
   * At a closed question: words that fit no button are a message for the team, the question offered again gently, once;
   * a risk message gets the crisis resources first and pauses the questionnaire; a further one in the same escalation
   * does not get them again; writing again offers the question.
   */
  @Test
  void atAClosedQuestionWordsAreAMessageForTheTeamAndRiskPausesTheQuestions() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    answer(chat, "30", "What would you like help with?");
    UUID requestId = openRequestOf(chat).orElseThrow().getId();

    assertThat(say(chat, "I don't know what to pick")).containsExactly("bot.message-noted", "question:topic");
    assertThat(lastMessage(chat).path("reply_markup").path("keyboard").toString()).contains("Anxiety, fear or panic");
    assertThat(say(chat, "It is hard to explain")).containsExactly("bot.message-noted-briefly");
    assertThat(lastMessage(chat).has("reply_markup")).as("the buttons stay").isFalse();

    assertThat(say(chat, "I want to kill myself")).containsExactlyElementsOf(riskRepliesTo("I want to kill myself"));
    assertThat(say(chat, "I can't go on anymore")).as("crisis resources once per escalation").containsExactly("bot.risk-acknowledged");
    assertThat(outboxTemplates(requestId)).containsOnlyOnce("crisis-resources");

    assertThat(say(chat, "ok")).containsExactly("bot.resume", "question:topic");
    assertThat(say(chat, "Anxiety, fear or panic")).containsExactly("question:topicDetails");
  }

  /** At an open question the words are the answer asked for: kept as it, and the next question waits until they write. */
  @Test
  void aRiskMessageAtAnOpenQuestionIsKeptAsItsAnswerAndTheNextQuestionWaits() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    answer(chat, "30", "What would you like help with?");
    answer(chat, "Grief, losing someone close", "If you wish, tell us a little more");
    UUID requestId = openRequestOf(chat).orElseThrow().getId();

    String words = "I lost my son and I do not want to live anymore";
    assertThat(say(chat, words)).containsExactlyElementsOf(riskRepliesTo(words));
    assertThat(answers.findByRequestIdOrderByAnsweredAtAscIdAsc(requestId))
        .filteredOn(answer -> answer.getQuestionId().equals("topicDetails"))
        .singleElement()
        .satisfies(answer -> assertThat(answer.getAnswer()).isEqualTo(words));

    assertThat(say(chat, "thank you")).containsExactly("bot.resume", "question:safetyThoughts");
  }

  /** A signal too weak to escalate (LOW) sends no crisis resources, but never a validation error either. */
  @Test
  void aWeakSignalIsAcknowledgedForTheTeamWithoutCrisisResources() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    UUID requestId = openRequestOf(chat).orElseThrow().getId();

    List<String> replies = say(chat, "I feel hopeless");

    assertThat(replies).containsExactlyElementsOf(riskRepliesTo("I feel hopeless"));
    assertThat(replies).contains("bot.risk-acknowledged").doesNotContain("bot.invalid-number", "question:age");
    if (riskRepliesTo("I feel hopeless").size() == 1) {
      assertThat(outboxTemplates(requestId)).doesNotContain("crisis-resources");
    }
    assertThat(say(chat, "29")).as("the age is taken").doesNotContain("bot.resume", "bot.invalid-number", "question:age");
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(keysSince(chat, 0)).contains("question:topic"));
    assertThat(requests.findById(requestId).orElseThrow().getRiskLevel()).isNotEqualTo(org.lifeline.orchestrator.request.RiskLevel.NONE);
  }

  /**
   * The second case: a person redirected as a minor comes back with another age; a curator reviews it and the
   * person is told so at once, once for the stage; a risk message still gets the crisis resources first.
   */
  @Test
  void duringACuratorsReviewThePersonIsToldOnceAndARiskMessageGetsTheCrisisResourcesFirst() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    webhook(update(chat, "15", "en")).andExpect(status().isOk());
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openRequestOf(chat).isEmpty());

    webhook(update(chat, "Hello again", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    UUID requestId = openRequestOf(chat).orElseThrow().getId();
    int before = botApi.messagesTo(chat).size();
    webhook(update(chat, "19", "en")).andExpect(status().isOk());
    awaitStatus(requestId, RequestStatus.CURATOR_REVIEW);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(keysSince(chat, before)).containsExactly("outbound.curator-review"));

    assertThat(say(chat, "Are you there?")).isEmpty();
    assertThat(say(chat, "How long will it take?")).isEmpty();
    assertThat(outboxTemplates(requestId)).containsOnlyOnce("curator-review");

    assertThat(say(chat, "I want to kill myself")).containsExactlyElementsOf(riskRepliesTo("I want to kill myself"));
  }

  /** Waiting for a specialist (nobody speaks Russian to adults here): told once for the stage, risk still comes first. */
  @Test
  void whileWaitingForASpecialistThePersonIsToldOnceAndARiskMessageGetsTheCrisisResourcesFirst() throws Exception {
    long chat = chatIds.incrementAndGet();
    webhook(update(chat, "/start", "en")).andExpect(status().isOk());
    awaitLastMessageStartsWith(chat, "So that we can find the right specialist");
    answer(chat, "44", "What would you like help with?");
    answer(chat, "Relationships or family", "If you wish, tell us a little more");
    answer(chat, "Skip", "We ask everyone the next two questions");
    answer(chat, "No", "Right now, is there a risk");
    answer(chat, "No", "Which language would you prefer");
    answer(chat, "Russian", "When is it best for a specialist");
    answer(chat, "Evening", "Thank you for your answers");
    UUID requestId = openRequestOf(chat).orElseThrow().getId();
    awaitStatus(requestId, RequestStatus.AWAITING_ASSIGNMENT);

    int before = botApi.messagesTo(chat).size();
    // The notice goes through the outbox: it may be out before the update's answer is looked at.
    assertThat(say(chat, "Any news?")).isSubsetOf(List.of("outbound.waiting-for-specialist"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(keysSince(chat, before)).containsExactly("outbound.waiting-for-specialist"));
    assertThat(say(chat, "Hello?")).isEmpty();
    assertThat(outboxTemplates(requestId)).containsOnlyOnce("waiting-for-specialist");

    assertThat(say(chat, "I want to kill myself")).containsExactlyElementsOf(riskRepliesTo("I want to kill myself"));
  }

  /**
   * The wording keys of the bot's answer to a risk message: the crisis resources first when the signal escalates (the
   * detector's level decides), then the acknowledgement.
   */
  private List<String> riskRepliesTo(String words) {
    boolean escalates =
        detector.assess(words, null).level().compareTo(org.lifeline.orchestrator.escalation.EscalationSignals.ESCALATION_THRESHOLD) >= 0;
    return escalates ? List.of("outbound.crisis-resources", "bot.risk-acknowledged") : List.of("bot.risk-acknowledged");
  }

  /** Sends the words and returns the keys of what the bot said in answer to them (said within the update). */
  private List<String> say(long chat, String words) throws Exception {
    int before = botApi.messagesTo(chat).size();
    webhook(update(chat, words, "en")).andExpect(status().isOk());
    return keysSince(chat, before);
  }

  /** What the bot said since, as wording keys: bot.*, outbound.&lt;template&gt; or question:&lt;id&gt;. */
  private List<String> keysSince(long chat, int index) {
    Map<String, String> byText = new HashMap<>();
    Locale english = Locale.ENGLISH;
    for (String key : List.of("bot.questionnaire-complete", "bot.risk-acknowledged", "bot.message-noted",
        "bot.message-noted-briefly", "bot.resume", "bot.send-again", "bot.continue", "bot.text-only", "bot.help")) {
      byText.put(texts.getMessage(key, null, english), key);
    }
    for (String template : List.of("greeting", "crisis-resources", "curator-review", "waiting-for-specialist",
        "message-passed-on", "minor-redirect", "questionnaire-reminder", "assignment-notice")) {
      byText.put(templates.render(template, "en"), "outbound." + template);
    }
    questionnaire.definition().questions().forEach(question -> byText.put(question.prompt().in("en"), "question:" + question.id()));
    return botApi.messagesTo(chat).stream()
        .skip(index)
        .map(call -> call.body().path("text").asText())
        .map(text -> byText.getOrDefault(text, text.startsWith("Please answer with a whole number") ? "bot.invalid-number" : "?" + text))
        .toList();
  }

  private List<String> outboxTemplates(UUID requestId) {
    return outbox.findByRequestIdOrderByCreatedAt(requestId).stream().map(OutboundMessage::getTemplate).toList();
  }

  private void awaitEscalationOpened(UUID requestId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events.findByRequestIdOrderByAtAscIdAsc(requestId).stream()
            .anyMatch(event -> event.getType() == RequestEventType.ESCALATION && "opened".equals(event.getStep())));
  }

  private JsonNode conversation(UUID requestId, RequestPostProcessor who) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/v1/requests/{id}/conversation", requestId).with(who))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private JsonNode myCases(RequestPostProcessor who) throws Exception {
    return json.readTree(
            mvc.perform(get("/api/v1/cases").with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
        .get("cases");
  }

  private long reply(UUID requestId, RequestPostProcessor who, String text) throws Exception {
    String accepted =
        mvc.perform(post("/api/v1/requests/{id}/replies", requestId).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("text", text))))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(accepted).get("id").asLong();
  }

  private void awaitDelivery(UUID requestId, RequestPostProcessor who, long messageId, String delivery) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> {
          for (JsonNode message : conversation(requestId, who).get("messages")) {
            if (message.get("id").asLong() == messageId) {
              return delivery.equals(message.path("delivery").asText());
            }
          }
          return false;
        });
  }

  private void awaitStatus(UUID requestId, RequestStatus status) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> requests.findById(requestId).orElseThrow().getStatus() == status);
  }

  private static List<String> texts(JsonNode conversation, String direction) {
    List<String> texts = new java.util.ArrayList<>();
    conversation.get("messages").forEach(message -> {
      if (direction.equals(message.get("direction").asText())) {
        texts.add(message.get("text").asText());
      }
    });
    return texts;
  }

  /**
   * Answers and waits for the bot's reply that starts so. Any message sent after the answer counts, not only the last:
   * the process may already have sent the next one (e.g. the assignment notice after the last answer).
   */
  private void answer(long chat, String text, String nextStartsWith) throws Exception {
    int before = botApi.messagesTo(chat).size();
    webhook(update(chat, text, "en")).andExpect(status().isOk());
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(botApi.messagesTo(chat).stream().skip(before).map(call -> call.body().path("text").asText()))
                    .as("answered '%s'", text)
                    .anyMatch(said -> said.startsWith(nextStartsWith)));
  }

  private void awaitLastMessageStartsWith(long chat, String start) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !botApi.messagesTo(chat).isEmpty() && lastMessage(chat).path("text").asText().startsWith(start));
  }

  private com.fasterxml.jackson.databind.JsonNode lastMessage(long chat) {
    List<FakeBotApi.Call> messages = botApi.messagesTo(chat);
    return messages.get(messages.size() - 1).body();
  }

  private OutboundMessage greetingOf(UUID requestId) {
    List<OutboundMessage> messages = outbox.findByRequestIdOrderByCreatedAt(requestId);
    return messages.stream().filter(message -> message.getTemplate().equals("greeting")).findFirst().orElse(null);
  }

  private Optional<HelpRequest> openRequestOf(long chat) {
    return directory
        .find(Channel.TELEGRAM, Long.toString(chat))
        .flatMap(contact -> requests.findFirstByContactIdAndStatusNotInOrderByCreatedAtDesc(contact.getId(), RequestStatus.FINAL));
  }

  private org.springframework.test.web.servlet.ResultActions webhook(String update) throws Exception {
    return mvc.perform(
        post("/telegram/webhook")
            .header(TelegramWebhookController.SECRET_HEADER, SECRET)
            .contentType(MediaType.APPLICATION_JSON)
            .content(update));
  }

  private static String update(long chat, String text, String language) {
    return """
        {"update_id": %d, "message": {"message_id": 1, "chat": {"id": %d, "type": "private"},
         "from": {"id": %d, "first_name": "Test", "language_code": "%s"}, "text": "%s"}}
        """
        .formatted(updateIds.incrementAndGet(), chat, chat, language, text);
  }
}
