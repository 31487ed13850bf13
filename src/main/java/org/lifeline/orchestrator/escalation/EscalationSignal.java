package org.lifeline.orchestrator.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * One risk signal, stored in the transaction that found it. Those that escalate wait here until the engine has the
 * {@code RiskDetected} message (nextAttemptAt set, publishedAt not yet); codes are lexicon ids or reason codes.
 */
@Entity
class EscalationSignal {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private String source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RiskLevel level;

  @Column(nullable = false)
  private String codes;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant nextAttemptAt;
  private int attempts;
  private Instant publishedAt;

  protected EscalationSignal() {}

  EscalationSignal(UUID requestId, SignalSource source, RiskLevel level, String codes, String actor, boolean publish, Instant now) {
    this(requestId, source.code(), level, codes, actor, publish, now);
  }

  EscalationSignal(UUID requestId, String source, RiskLevel level, String codes, String actor, boolean publish, Instant now) {
    this.id = UUID.randomUUID();
    this.requestId = requestId;
    this.source = source;
    this.level = level;
    this.codes = codes;
    this.actor = actor;
    this.createdAt = now;
    this.nextAttemptAt = publish ? now : null;
  }

  UUID getId() {
    return id;
  }

  UUID getRequestId() {
    return requestId;
  }

  String getSource() {
    return source;
  }

  RiskLevel getLevel() {
    return level;
  }

  String getCodes() {
    return codes;
  }

  Instant getPublishedAt() {
    return publishedAt;
  }

  int getAttempts() {
    return attempts;
  }
}
