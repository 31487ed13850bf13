package org.lifeline.orchestrator.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.request.MessageKind;

/**
 * A message to a person, stored with the decision to send it and delivered afterwards: a process template (its text
 * is rendered at delivery, in the person's language) or a staff reply (its text is in the conversation; the row says
 * who wrote it and the name the person sees).
 */
@Entity
public class OutboundMessage {

  public enum Status {
    PENDING,
    SENT,
    /** Given up after the last attempt, or the text was gone (erased) before delivery. */
    FAILED,
    /** The channel said nobody can receive it there (the bot was blocked, the integrator's contact is gone). */
    UNREACHABLE;

    public Delivery delivery() {
      return switch (this) {
        case PENDING -> Delivery.QUEUED;
        case SENT -> Delivery.SENT;
        case FAILED -> Delivery.FAILED;
        case UNREACHABLE -> Delivery.UNREACHABLE;
      };
    }
  }

  @Id private UUID id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private UUID contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageKind kind;

  /** Of a template; null for a reply. */
  private String template;

  /** Of a reply: the staff member's username. */
  private String author;

  /** Of a reply: the name the person sees it from. */
  private String senderName;

  @Column(nullable = false)
  private String dedupKey;

  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private int attempts;

  @Column(nullable = false)
  private Instant nextAttemptAt;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant sentAt;
  private String lastError;

  /** The integrator that brought the request, if one did: its webhook may deliver the message. */
  private String integrator;

  @Version private long version;

  protected OutboundMessage() {}

  private OutboundMessage(
      UUID requestId, UUID contactId, Channel channel, MessageKind kind, String dedupKey, String language, Instant now) {
    this.id = UUID.randomUUID();
    this.requestId = requestId;
    this.contactId = contactId;
    this.channel = channel;
    this.kind = kind;
    this.dedupKey = dedupKey;
    this.language = language;
    this.status = Status.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  static OutboundMessage template(
      UUID requestId, UUID contactId, Channel channel, String template, String dedupKey, String language, Instant now) {
    OutboundMessage message = new OutboundMessage(requestId, contactId, channel, MessageKind.TEMPLATE, dedupKey, language, now);
    message.template = template;
    return message;
  }

  static OutboundMessage reply(
      UUID requestId,
      UUID contactId,
      Channel channel,
      String author,
      String senderName,
      String dedupKey,
      String language,
      Instant now) {
    OutboundMessage message = new OutboundMessage(requestId, contactId, channel, MessageKind.REPLY, dedupKey, language, now);
    message.author = author;
    message.senderName = senderName;
    return message;
  }

  /** Remembers the integrator of the request, so its webhook (if configured) delivers the message. */
  OutboundMessage broughtBy(String integrator) {
    this.integrator = integrator;
    return this;
  }

  void sent(Instant now) {
    status = Status.SENT;
    attempts++;
    sentAt = now;
    lastError = null;
  }

  /** The channel asked to wait; does not count as a failed attempt. */
  void deferred(Instant until) {
    nextAttemptAt = until;
  }

  /** Nobody can receive it on this channel: give up without retrying. */
  void unreachable(String reason, Instant now) {
    attempts++;
    status = Status.UNREACHABLE;
    lastError = reason == null ? "recipient unreachable" : reason.substring(0, Math.min(reason.length(), 500));
    nextAttemptAt = now;
  }

  /** There is nothing to send any more (a reply's text was erased first): give up without an attempt. */
  void abandoned(String reason, Instant now) {
    status = Status.FAILED;
    lastError = reason;
    nextAttemptAt = now;
  }

  /** Backs off exponentially; gives up after maxAttempts. */
  void failed(String error, Instant now, int maxAttempts, Duration firstBackoff) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 500));
    if (attempts >= maxAttempts) {
      status = Status.FAILED;
    } else {
      nextAttemptAt = now.plus(firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 16)));
    }
  }

  public String getIntegrator() {
    return integrator;
  }

  public UUID getId() {
    return id;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public UUID getContactId() {
    return contactId;
  }

  public Channel getChannel() {
    return channel;
  }

  public MessageKind getKind() {
    return kind;
  }

  public String getTemplate() {
    return template;
  }

  public String getAuthor() {
    return author;
  }

  public String getSenderName() {
    return senderName;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getLanguage() {
    return language;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }
}
