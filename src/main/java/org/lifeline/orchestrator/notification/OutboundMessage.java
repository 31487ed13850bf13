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

/** A message to a person, stored with the decision to send it and delivered afterwards. */
@Entity
public class OutboundMessage {

  public enum Status {
    PENDING,
    SENT,
    FAILED
  }

  @Id private UUID id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private UUID contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Column(nullable = false)
  private String template;

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

  @Version private long version;

  protected OutboundMessage() {}

  OutboundMessage(
      UUID requestId, UUID contactId, Channel channel, String template, String dedupKey, String language, Instant now) {
    this.id = UUID.randomUUID();
    this.requestId = requestId;
    this.contactId = contactId;
    this.channel = channel;
    this.template = template;
    this.dedupKey = dedupKey;
    this.language = language;
    this.status = Status.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
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
  void undeliverable(String reason, Instant now) {
    attempts++;
    status = Status.FAILED;
    lastError = reason == null ? "recipient unreachable" : reason.substring(0, Math.min(reason.length(), 500));
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

  public String getTemplate() {
    return template;
  }

  public String getDedupKey() {
    return dedupKey;
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
