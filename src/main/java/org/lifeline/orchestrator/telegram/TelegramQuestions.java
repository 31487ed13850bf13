package org.lifeline.orchestrator.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.dialogue.ChatDialogue;
import org.lifeline.orchestrator.notification.OutboundMessageSent;
import org.lifeline.orchestrator.questionnaire.QuestionView;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RequestStatusChanged;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The chat dialogue in Telegram's words: buttons for closed questions, free text for open ones, a skip button for
 * optional ones, and the bot's texts (messages/telegram*.properties) for what {@link ChatDialogue} decides. A question
 * is shown once when it becomes due, whether because the person answered the previous one or because the flow opened
 * the questionnaire.
 */
class TelegramQuestions {

  static final String SKIP_KEY = "bot.skip";
  private static final String GREETING = "greeting";

  private final ChatDialogue dialogue;
  private final RequestLifecycle lifecycle;
  private final ContactRepository contacts;
  private final TelegramReplies replies;

  TelegramQuestions(
      ChatDialogue dialogue, RequestLifecycle lifecycle, ContactRepository contacts, TelegramReplies replies) {
    this.dialogue = dialogue;
    this.lifecycle = lifecycle;
    this.contacts = contacts;
    this.replies = replies;
  }

  /** The flow opened the questionnaire (after qualification, or a curator's acceptance). */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void statusChanged(RequestStatusChanged change) {
    if (change.channel() == Channel.TELEGRAM && change.status() == RequestStatus.QUESTIONNAIRE) {
      askDue(change.requestId());
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

  /** What the person wrote to their open request, and the bot's answer to it. */
  void hear(UUID requestId, long chatId, String language, String text) {
    boolean skips = text.equals(replies.text(language, SKIP_KEY));
    ChatDialogue.Turn turn = dialogue.hear(requestId, text, skips, language);
    QuestionView question = turn.question();
    switch (turn.reply()) {
      case NONE -> {}
      case NEXT -> show(chatId, language, question);
      case COMPLETE -> replies.say(chatId, language, "bot.questionnaire-complete");
      case RISK_ACKNOWLEDGED -> replies.say(chatId, language, "bot.risk-acknowledged");
      case NOTED_ASK_AGAIN -> {
        replies.say(chatId, language, "bot.message-noted");
        show(chatId, language, question);
      }
      // The buttons of the question stay: no keyboard is sent with it.
      case NOTED -> replies.send(chatId, replies.text(language, "bot.message-noted-briefly"), null);
      case RESUMED -> {
        replies.say(chatId, language, "bot.resume");
        show(chatId, language, question);
      }
      case INVALID -> {
        if ("number".equals(question.type())) {
          replies.say(chatId, language, "bot.invalid-number", question.min(), question.max());
        } else {
          replies.say(chatId, language, "bot.too-long", question.maxLength());
        }
        show(chatId, language, question);
      }
      case SEND_AGAIN -> replies.say(chatId, language, "bot.send-again");
    }
  }

  /** "/back": the latest answer is taken back and its question asked again. */
  void back(UUID requestId, long chatId, String language) {
    dialogue
        .takeBack(requestId, language)
        .ifPresentOrElse(
            question -> show(chatId, language, question), () -> replies.say(chatId, language, "bot.nothing-to-take-back"));
  }

  /** Asks the due question; again only when {@code repeat} (the person asked where they were). */
  void askDue(UUID requestId, long chatId, String language, boolean repeat) {
    dialogue.questionToAsk(requestId, language, repeat).ifPresent(question -> show(chatId, language, question));
  }

  private void show(long chatId, String language, QuestionView question) {
    if (question == null) {
      return;
    }
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
