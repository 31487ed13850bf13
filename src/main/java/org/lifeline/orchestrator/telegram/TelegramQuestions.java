package org.lifeline.orchestrator.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.notification.OutboundMessageSent;
import org.lifeline.orchestrator.questionnaire.QuestionView;
import org.lifeline.orchestrator.questionnaire.QuestionnaireConversation;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RequestStatusChanged;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks the questionnaire in the chat, one question at a time: buttons for closed questions, free
 * text for open ones, a skip button for optional ones. A question is asked once when it becomes
 * due, whether because the person answered the previous one or because the flow opened the
 * questionnaire.
 */
class TelegramQuestions {

  static final String SKIP_KEY = "bot.skip";
  private static final String GREETING = "greeting";

  private final QuestionnaireConversation conversation;
  private final RequestLifecycle lifecycle;
  private final ContactRepository contacts;
  private final TelegramReplies replies;
  private final Map<UUID, String> lastAsked = new ConcurrentHashMap<>();

  TelegramQuestions(
      QuestionnaireConversation conversation,
      RequestLifecycle lifecycle,
      ContactRepository contacts,
      TelegramReplies replies) {
    this.conversation = conversation;
    this.lifecycle = lifecycle;
    this.contacts = contacts;
    this.replies = replies;
  }

  /** The flow opened the questionnaire (after qualification, or a curator's acceptance). */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void statusChanged(RequestStatusChanged change) {
    if (change.channel() != Channel.TELEGRAM) {
      return;
    }
    if (change.status() == RequestStatus.QUESTIONNAIRE) {
      askDue(change.requestId());
    } else if (change.status().isFinal()) {
      lastAsked.remove(change.requestId());
    }
  }

  /** The greeting went out: an age not told at intake is the first question, before qualification. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void greeted(OutboundMessageSent sent) {
    if (sent.channel() == Channel.TELEGRAM && GREETING.equals(sent.template())) {
      askDue(sent.requestId());
    }
  }

  private void askDue(UUID requestId) {
    HelpRequest request = lifecycle.get(requestId);
    Contact contact = contacts.findById(request.getContactId()).orElseThrow();
    askDue(requestId, Long.parseLong(contact.getChannelUserId()), languageOf(request, contact), false);
  }

  /**
   * Takes the person's text as the answer to the due question and asks the next.
   *
   * @return false when the questionnaire takes no answers now
   */
  boolean answer(UUID requestId, long chatId, String language, String text) {
    String answer = text.equals(replies.text(language, SKIP_KEY)) ? "" : text;
    QuestionnaireConversation.Reply reply = conversation.answer(requestId, answer, language, TelegramDialogue.ACTOR);
    switch (reply.outcome()) {
      case NOT_OPEN -> {
        return false;
      }
      case INVALID -> {
        replies.say(chatId, language, "bot.invalid-answer");
        ask(requestId, chatId, language, reply.question());
      }
      case RETRY -> replies.say(chatId, language, "bot.send-again");
      case COMPLETE -> {
        lastAsked.remove(requestId);
        replies.say(chatId, language, "bot.questionnaire-complete");
      }
      case NEXT -> askDue(requestId, chatId, language, false);
    }
    return true;
  }

  /** "/back": the latest answer is taken back and its question asked again. */
  void back(UUID requestId, long chatId, String language) {
    Optional<QuestionView> again = conversation.back(requestId, language);
    if (again.isEmpty()) {
      replies.say(chatId, language, "bot.nothing-to-take-back");
    } else {
      ask(requestId, chatId, language, again.get());
    }
  }

  /** Asks the due question; again only when {@code repeat} (the person asked where they were). */
  void askDue(UUID requestId, long chatId, String language, boolean repeat) {
    Optional<QuestionView> due = conversation.currentQuestion(requestId, language);
    if (due.isPresent() && (repeat || !due.get().id().equals(lastAsked.get(requestId)))) {
      ask(requestId, chatId, language, due.get());
    }
  }

  private void ask(UUID requestId, long chatId, String language, QuestionView question) {
    lastAsked.put(requestId, question.id());
    List<String> buttons = new ArrayList<>();
    if (question.options() != null) {
      question.options().forEach(option -> buttons.add(option.label()));
    }
    if (!question.required()) {
      buttons.add(replies.text(language, SKIP_KEY));
    }
    replies.send(
        chatId,
        question.prompt(),
        buttons.isEmpty() ? TelegramBotApi.ReplyKeyboard.removed() : TelegramBotApi.ReplyKeyboard.of(buttons));
  }

  private static String languageOf(HelpRequest request, Contact contact) {
    String language = request.getLanguage() != null ? request.getLanguage() : contact.getLanguage();
    return language == null ? "en" : language;
  }
}
