package org.lifeline.orchestrator.telegram;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.intake.Intake;
import org.lifeline.orchestrator.intake.IntakeRequest;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.notification.RecipientUnreachableException;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.staff.TelegramLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the bot does with what a person writes: the first words open a request (or continue the open
 * one), every text is an inbound message of that request and, while the questionnaire is open, the
 * answer to its due question; /start (where was I?), /back (change the last answer) and /help are
 * answered. Once a specialist holds the case, what the person writes is a message to them (in the
 * conversation, scanned for risk like every message), acknowledged once while the specialist has not
 * accepted the case yet. A staff member's chat is not a person's: {@code /link CODE} (the code the console shows)
 * links the chat to their account for alerts, and whatever else is written in a linked chat opens nothing.
 */
class TelegramDialogue {

  static final String ACTOR = "telegram";
  /** Outbound template: your message is passed on to your specialist, who will answer. */
  static final String TEMPLATE_PASSED_ON = "message-passed-on";
  private static final Logger log = LoggerFactory.getLogger(TelegramDialogue.class);
  private static final Set<String> LANGUAGES = Set.of("en", "ru", "uk");

  private final ProcessedUpdateRepository processed;
  private final ContactDirectory contacts;
  private final HelpRequestRepository requests;
  private final RequestLifecycle lifecycle;
  private final Intake intake;
  private final TelegramReplies replies;
  private final TelegramQuestions questions;
  private final AssignmentService assignment;
  private final Notifications notifications;
  private final TelegramLinks staffChats;
  private final TransactionTemplate transaction;
  private final Clock clock;

  TelegramDialogue(
      ProcessedUpdateRepository processed,
      ContactDirectory contacts,
      HelpRequestRepository requests,
      RequestLifecycle lifecycle,
      Intake intake,
      TelegramReplies replies,
      TelegramQuestions questions,
      AssignmentService assignment,
      Notifications notifications,
      TelegramLinks staffChats,
      TransactionTemplate transaction,
      Clock clock) {
    this.processed = processed;
    this.contacts = contacts;
    this.requests = requests;
    this.lifecycle = lifecycle;
    this.intake = intake;
    this.replies = replies;
    this.questions = questions;
    this.assignment = assignment;
    this.notifications = notifications;
    this.staffChats = staffChats;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Handles one update once; a redelivered update is ignored. */
  void handle(TelegramUpdate update) {
    if (processed.existsById(update.updateId())) {
      return;
    }
    TelegramUpdate.Message message = update.message();
    if (message != null && message.chat() != null) {
      try {
        converse(update.updateId(), message);
      } catch (RecipientUnreachableException blocked) {
        log.warn("Telegram chat of update {} cannot be answered: {}", update.updateId(), blocked.getMessage());
      }
    }
    transaction.executeWithoutResult(status -> processed.save(new ProcessedUpdate(update.updateId(), clock.instant())));
  }

  private void converse(long updateId, TelegramUpdate.Message message) {
    long chatId = message.chat().id();
    String language = languageOf(message.from());
    String text = message.text() == null ? "" : message.text().strip();
    if (staffChat(chatId, language, text)) {
      return;
    }
    Optional<HelpRequest> open = openRequest(chatId);
    if (text.isEmpty()) {
      replies.say(chatId, language, "bot.text-only");
    } else if (isCommand(text, "/help")) {
      replies.say(chatId, language, "bot.help");
    } else if (isCommand(text, "/back") && open.isPresent()) {
      questions.back(open.get().getId(), chatId, language);
    } else if (isCommand(text, "/start")) {
      if (open.isPresent()) {
        replies.say(chatId, language, "bot.continue");
        questions.askDue(open.get().getId(), chatId, language, true);
      } else {
        openRequest(updateId, message, language, null);
      }
    } else if (open.isPresent()) {
      UUID requestId = open.get().getId();
      // Every text is a message of the request (and scanned for risk), answer or not.
      ConflictRetry.run(() -> lifecycle.recordInbound(requestId, text, "contact"));
      Optional<UUID> specialist = assignment.holderOf(requestId);
      if (specialist.isPresent()) {
        acknowledgeUntilAccepted(requestId, specialist.get());
      } else {
        questions.answer(requestId, chatId, language, text);
      }
    } else {
      openRequest(updateId, message, language, text);
    }
  }

  /**
   * A staff member's message (a link code, or anything in a chat linked to an account): answered, never a request.
   *
   * @return whether the message was a staff member's
   */
  private boolean staffChat(long chatId, String language, String text) {
    Optional<String> code = TelegramLinks.codeIn(text);
    if (code.isPresent()) {
      Optional<String> linked = staffChats.link(code.get(), chatId);
      replies.say(chatId, language, linked.isPresent() ? "bot.staff-linked" : "bot.staff-link-invalid");
      return true;
    }
    if (staffChats.isStaffChat(chatId)) {
      replies.say(chatId, language, "bot.staff-chat");
      return true;
    }
    return false;
  }

  /** The specialist reads it in the conversation; until they accept the case the person is told so, once. */
  private void acknowledgeUntilAccepted(UUID requestId, UUID specialistId) {
    if (lifecycle.get(requestId).getStatus() != RequestStatus.IN_PROGRESS) {
      notifications.enqueue(requestId, TEMPLATE_PASSED_ON, TEMPLATE_PASSED_ON + ":" + specialistId);
    }
  }

  private void openRequest(long updateId, TelegramUpdate.Message message, String language, String firstMessage) {
    String name = message.from() == null ? null : message.from().firstName();
    intake.submit(
        new IntakeRequest(Channel.TELEGRAM, Long.toString(message.chat().id()), name, null, language, firstMessage),
        "telegram-update-" + updateId,
        ACTOR);
  }

  private Optional<HelpRequest> openRequest(long chatId) {
    return transaction.execute(
        status -> {
          Optional<Contact> contact = contacts.find(Channel.TELEGRAM, Long.toString(chatId));
          contact.filter(known -> !known.isReachable()).ifPresent(Contact::markReachable);
          return contact.flatMap(
              known -> requests.findFirstByContactIdAndStatusNotInOrderByCreatedAtDesc(known.getId(), RequestStatus.FINAL));
        });
  }

  private static boolean isCommand(String text, String command) {
    return text.equals(command) || text.startsWith(command + " ") || text.startsWith(command + "@");
  }

  static String languageOf(TelegramUpdate.User user) {
    if (user == null || user.languageCode() == null) {
      return "en";
    }
    String code = user.languageCode().toLowerCase(java.util.Locale.ROOT);
    String primary = code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
    return LANGUAGES.contains(primary) ? primary : "en";
  }
}
