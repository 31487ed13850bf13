package org.lifeline.orchestrator.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * One alert to one staff member on one channel, queued in the transaction that decided it and delivered afterwards
 * (rows are inserted by {@link StaffAlerts}; this entity reads and settles them).
 */
@Entity
class StaffAlert {

  enum Status {
    PENDING,
    SENT,
    /** Given up after the last attempt. */
    FAILED,
    /** The channel said the staff member cannot be reached there (the bot was blocked). */
    UNREACHABLE,
    /** Nobody to send it to any more: the account was disabled or lost its address meanwhile. */
    SKIPPED
  }

  @Id private UUID id;

  @Column(nullable = false)
  private String dedupKey;

  @Column(nullable = false)
  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AlertChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AlertEvent event;

  private UUID requestId;

  @Enumerated(EnumType.STRING)
  private RiskLevel riskLevel;

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

  protected StaffAlert() {}

  void sent(Instant now) {
    status = Status.SENT;
    attempts++;
    sentAt = now;
    lastError = null;
  }

  void deferred(Instant until) {
    nextAttemptAt = until;
  }

  void unreachable(String reason, Instant now) {
    attempts++;
    status = Status.UNREACHABLE;
    lastError = shortened(reason);
    nextAttemptAt = now;
  }

  void skipped(String reason, Instant now) {
    status = Status.SKIPPED;
    lastError = reason;
    nextAttemptAt = now;
  }

  /** Backs off exponentially up to maxBackoff; gives up after maxAttempts. */
  void failed(String error, Instant now, int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    attempts++;
    lastError = shortened(error);
    if (attempts >= maxAttempts) {
      status = Status.FAILED;
      nextAttemptAt = now;
    } else {
      Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
      nextAttemptAt = now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }
  }

  private static String shortened(String text) {
    String value = text == null ? "unknown" : text;
    return value.substring(0, Math.min(value.length(), 500));
  }

  UUID getId() {
    return id;
  }

  String getRecipient() {
    return recipient;
  }

  AlertChannel getChannel() {
    return channel;
  }

  AlertEvent getEvent() {
    return event;
  }

  UUID getRequestId() {
    return requestId;
  }

  RiskLevel getRiskLevel() {
    return riskLevel;
  }

  Status getStatus() {
    return status;
  }

  int getAttempts() {
    return attempts;
  }

  Instant getSentAt() {
    return sentAt;
  }

  String getLastError() {
    return lastError;
  }

  String getDedupKey() {
    return dedupKey;
  }
}
