package org.lifeline.orchestrator.conversation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Delivery;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.notification.OutboundMessageSettled;
import org.lifeline.orchestrator.notification.ReplyTexts;
import org.lifeline.orchestrator.questionnaire.QuestionnaireService;
import org.lifeline.orchestrator.request.InboundMessageRecorded;
import org.lifeline.orchestrator.request.MessageKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation store: keeps every text of a request's conversation (what the person wrote, the process templates
 * as delivered, staff replies), encrypted, in the transaction that records the message; and shows it to staff with a
 * need to know ({@link ContentAccess}), marking it read for them.
 */
@Service
public class Conversations implements ReplyTexts {

  private final ConversationMessageRepository messages;
  private final ContentAccess access;
  private final Notifications notifications;
  private final QuestionnaireService questionnaire;
  private final ReadMarks readMarks;

  Conversations(
      ConversationMessageRepository messages,
      ContentAccess access,
      Notifications notifications,
      QuestionnaireService questionnaire,
      ReadMarks readMarks) {
    this.messages = messages;
    this.access = access;
    this.notifications = notifications;
    this.questionnaire = questionnaire;
    this.readMarks = readMarks;
  }

  /** Every inbound text (intake, later messages, the bot), in the transaction that records it in the history. */
  @EventListener
  void inbound(InboundMessageRecorded message) {
    messages.save(ConversationMessage.inbound(message.requestId(), message.at(), message.author(), message.text()));
  }

  /** A process template as the person received it (or was meant to); a reply's text is stored when it is written. */
  @EventListener
  void settled(OutboundMessageSettled settled) {
    if (settled.kind() == MessageKind.TEMPLATE && !messages.existsByOutboundMessageId(settled.messageId())) {
      messages.save(
          ConversationMessage.template(
              settled.requestId(), settled.at(), settled.template(), settled.messageId(), settled.text()));
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> textOf(UUID outboundMessageId) {
    return messages.findByOutboundMessageId(outboundMessageId).map(ConversationMessage::getText).filter(Objects::nonNull);
  }

  /**
   * The request's conversation and answers for a reader with a need to know; marks it read for them.
   *
   * @param language the reader's language for the questions and answers (English where a text is missing)
   */
  @Transactional
  public ConversationView read(StaffCaller reader, UUID requestId, String language) {
    access.requireRead(reader, requestId);
    List<MessageView> shown = views(messages.findByRequestIdOrderByIdAsc(requestId));
    markRead(reader, requestId, shown);
    return new ConversationView(requestId, shown, questionnaire.labelledAnswers(requestId, language));
  }

  /** The messages after the one with this id (a page showing the conversation asks for what is new). */
  @Transactional
  public List<MessageView> readAfter(StaffCaller reader, UUID requestId, long afterId) {
    access.requireRead(reader, requestId);
    List<MessageView> shown = views(messages.findByRequestIdAndIdGreaterThanOrderByIdAsc(requestId, afterId));
    markRead(reader, requestId, shown);
    return shown;
  }

  /**
   * The conversation as the person behind the request sees it, on a channel where the platform shows it to them (the
   * web chat, whose session token is the person's authorisation): no staff reader, so nothing is marked read.
   */
  @Transactional(readOnly = true)
  public List<MessageView> ofThePerson(UUID requestId) {
    return views(messages.findByRequestIdOrderByIdAsc(requestId));
  }

  /** The messages of the request without the reader check: for callers that checked (the task page) or hold it. */
  List<MessageView> messagesOf(UUID requestId) {
    return views(messages.findByRequestIdOrderByIdAsc(requestId));
  }

  private void markRead(StaffCaller reader, UUID requestId, List<MessageView> shown) {
    if (!shown.isEmpty()) {
      readMarks.markRead(requestId, reader.username(), shown.get(shown.size() - 1).id());
    }
  }

  private List<MessageView> views(List<ConversationMessage> found) {
    Map<UUID, Delivery> deliveries =
        notifications.deliveries(
            found.stream().map(ConversationMessage::getOutboundMessageId).filter(Objects::nonNull).toList());
    return found.stream()
        .map(
            message ->
                new MessageView(
                    message.getId(),
                    message.getAt(),
                    message.getDirection(),
                    message.getAuthor(),
                    message.getKind(),
                    message.getText(),
                    message.getTemplate(),
                    message.getOutboundMessageId() == null ? null : deliveries.get(message.getOutboundMessageId())))
        .toList();
  }
}
