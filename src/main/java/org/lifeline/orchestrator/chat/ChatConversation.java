package org.lifeline.orchestrator.chat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lifeline.orchestrator.conversation.Conversations;
import org.lifeline.orchestrator.conversation.Direction;
import org.lifeline.orchestrator.conversation.MessageView;
import org.lifeline.orchestrator.conversation.StaffNames;
import org.lifeline.orchestrator.dialogue.ChatDialogue;
import org.lifeline.orchestrator.feedback.FeedbackService;
import org.lifeline.orchestrator.questionnaire.QuestionView;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.MessageKind;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The web chat's side of the chat dialogue ({@link ChatDialogue}, the same rules as the Telegram bot, in the bot's
 * words: messages/telegram*.properties {@code bot.*}) and the person's view of their conversation: their own
 * messages, the platform's messages as delivered, and staff replies under the name the person sees (as in Telegram).
 */
@Service
class ChatConversation {

  static final String SKIP_KEY = "bot.skip";

  private final ChatDialogue dialogue;
  private final Conversations conversations;
  private final RequestLifecycle lifecycle;
  private final StaffNames names;
  private final FeedbackService feedback;
  private final MessageSource texts;

  ChatConversation(
      ChatDialogue dialogue,
      Conversations conversations,
      RequestLifecycle lifecycle,
      StaffNames names,
      FeedbackService feedback,
      MessageSource texts) {
    this.feedback = feedback;
    this.dialogue = dialogue;
    this.conversations = conversations;
    this.lifecycle = lifecycle;
    this.names = names;
    this.texts = texts;
  }

  /** What the person wrote (or chose: an option's label, or skip), and the platform's answer to it. */
  Answer hear(UUID requestId, String text, boolean skip) {
    String language = languageOf(lifecycle.get(requestId));
    ChatDialogue.Turn turn = dialogue.hear(requestId, text, skip, language);
    QuestionView question = turn.question();
    String said =
        switch (turn.reply()) {
          case NONE, NEXT -> null;
          case COMPLETE -> text(language, "bot.questionnaire-complete");
          case RISK_ACKNOWLEDGED -> text(language, "bot.risk-acknowledged");
          case NOTED_ASK_AGAIN -> text(language, "bot.message-noted");
          case NOTED -> text(language, "bot.message-noted-briefly");
          case RESUMED -> text(language, "bot.resume");
          case INVALID ->
              "number".equals(question.type())
                  ? text(language, "bot.invalid-number", question.min(), question.max())
                  : text(language, "bot.too-long", question.maxLength());
          case SEND_AGAIN -> text(language, "bot.send-again");
        };
    return new Answer(said, question);
  }

  /** The person's conversation after the message with this id (0: all of it), and the question to show now. */
  View view(UUID requestId, long after) {
    HelpRequest request = lifecycle.get(requestId);
    String language = languageOf(request);
    List<ChatMessage> messages =
        conversations.ofThePerson(requestId).stream()
            .filter(message -> message.id() > after)
            .map(this::shown)
            .toList();
    QuestionView question = dialogue.questionOnScreen(requestId, language).orElse(null);
    boolean feedbackOpen =
        feedback
            .find(requestId)
            .filter(asked -> asked.askedAt() != null && !asked.answered() && asked.finishedAt() == null)
            .isPresent();
    return new View(requestId, request.getStatus(), language, messages, question, text(language, SKIP_KEY), feedbackOpen);
  }

  /** The person's rating of the help (1-5) and an optional comment, once, while the feedback is open. */
  void rate(UUID requestId, int rating, String comment) {
    feedback.answer(requestId, rating, comment, ChatSessions.ACTOR);
  }

  private ChatMessage shown(MessageView message) {
    if (message.direction() == Direction.IN) {
      return new ChatMessage(message.id(), message.at(), ChatMessage.PERSON, null, message.text(), null);
    }
    if (message.kind() == MessageKind.REPLY) {
      // The name the person sees a reply from, as Telegram shows it; without one the page shows the line's name.
      String name = names.shownToThePerson(message.author()).orElse(null);
      return new ChatMessage(message.id(), message.at(), ChatMessage.STAFF, name, message.text(), null);
    }
    return new ChatMessage(message.id(), message.at(), ChatMessage.LINE, null, message.text(), message.template());
  }

  private String text(String language, String key, Object... arguments) {
    return texts.getMessage(key, arguments, Locale.forLanguageTag(language));
  }

  static String languageOf(HelpRequest request) {
    return request.getLanguage() == null ? "en" : request.getLanguage();
  }

  /**
   * @param reply what the platform says to it, in the request's language; null when nothing is to be said now
   * @param question the question to answer next, if one is due
   */
  record Answer(String reply, QuestionView question) {}

  /**
   * @param status the request's status (not content): the page says when the conversation has ended
   * @param question the question to show now, with its options for buttons; null when none is due
   * @param skipLabel the label of the skip button of an optional question
   * @param feedbackOpen the line asked for a rating of its help (the process's feedback request went out) and none was
   *     given yet
   */
  record View(
      UUID requestId,
      RequestStatus status,
      String language,
      List<ChatMessage> messages,
      QuestionView question,
      String skipLabel,
      boolean feedbackOpen) {}

  /**
   * One message as the person sees it.
   *
   * @param from {@value #PERSON} (the person), {@value #LINE} (the help line's automatic messages), {@value #STAFF}
   * @param name of a staff reply: the name the person sees it from
   * @param text null once erased
   * @param template of the line's messages: which one ({@code crisis-resources}, ...)
   */
  record ChatMessage(long id, Instant at, String from, String name, String text, String template) {
    static final String PERSON = "person";
    static final String LINE = "line";
    static final String STAFF = "staff";
  }
}
