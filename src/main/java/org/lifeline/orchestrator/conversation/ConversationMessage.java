package org.lifeline.orchestrator.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedText;
import org.lifeline.orchestrator.request.MessageKind;

/**
 * One message of a request's conversation: what the person wrote, or what was sent to them as they received it (a
 * rendered process template, a staff reply). Append-only apart from erasure; the text never leaves the platform's
 * database except to the person and to staff with a need to know.
 */
@Entity
@Table(name = "conversation_message")
class ConversationMessage {

  /** The author of what the person wrote. */
  static final String CONTACT = "contact";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Direction direction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageKind kind;

  /** {@code contact}, {@code system} or a staff username. */
  @Column(nullable = false)
  private String author;

  private String template;

  /** Of an outbound message: its outbox row, whose status is its delivery. */
  private UUID outboundMessageId;

  /** Sensitive: encrypted at rest, null once erased. */
  @Convert(converter = EncryptedText.class)
  private String text;

  protected ConversationMessage() {}

  private ConversationMessage(
      UUID requestId, Instant at, Direction direction, MessageKind kind, String author, String text) {
    this.requestId = requestId;
    this.at = at;
    this.direction = direction;
    this.kind = kind;
    this.author = author;
    this.text = text;
  }

  static ConversationMessage inbound(UUID requestId, Instant at, String author, String text) {
    return new ConversationMessage(requestId, at, Direction.IN, MessageKind.MESSAGE, author, text);
  }

  static ConversationMessage reply(UUID requestId, Instant at, String author, UUID outboundMessageId, String text) {
    ConversationMessage message = new ConversationMessage(requestId, at, Direction.OUT, MessageKind.REPLY, author, text);
    message.outboundMessageId = outboundMessageId;
    return message;
  }

  static ConversationMessage template(
      UUID requestId, Instant at, String template, UUID outboundMessageId, String text) {
    ConversationMessage message =
        new ConversationMessage(requestId, at, Direction.OUT, MessageKind.TEMPLATE, "system", text);
    message.template = template;
    message.outboundMessageId = outboundMessageId;
    return message;
  }

  Long getId() {
    return id;
  }

  UUID getRequestId() {
    return requestId;
  }

  Instant getAt() {
    return at;
  }

  Direction getDirection() {
    return direction;
  }

  MessageKind getKind() {
    return kind;
  }

  String getAuthor() {
    return author;
  }

  String getTemplate() {
    return template;
  }

  UUID getOutboundMessageId() {
    return outboundMessageId;
  }

  String getText() {
    return text;
  }
}
