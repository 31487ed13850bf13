package org.lifeline.orchestrator.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code outbox}: messages waiting for delivery. Messages pending longer than
 * {@code lifeline.outbox.health.stale-after} are a warning (UP, with a {@code warning} detail: a
 * channel may be failing); more than {@code lifeline.outbox.health.max-stale} of them is DOWN.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

  private final OutboundMessageRepository outbox;
  private final Clock clock;
  private final Duration staleAfter;
  private final long maxStale;

  OutboxHealthIndicator(
      OutboundMessageRepository outbox,
      Clock clock,
      @Value("${lifeline.outbox.health.stale-after:5m}") Duration staleAfter,
      @Value("${lifeline.outbox.health.max-stale:100}") long maxStale) {
    this.outbox = outbox;
    this.clock = clock;
    this.staleAfter = staleAfter;
    this.maxStale = maxStale;
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    return evaluate(
        outbox.countByStatus(OutboundMessage.Status.PENDING),
        outbox.countByStatusAndCreatedAtBefore(OutboundMessage.Status.PENDING, now.minus(staleAfter)),
        outbox.countByStatus(OutboundMessage.Status.FAILED),
        outbox.findOldestPendingCreatedAt(),
        now,
        staleAfter,
        maxStale);
  }

  static Health evaluate(
      long pending, long stale, long failed, Optional<Instant> oldestPending, Instant now, Duration staleAfter, long maxStale) {
    Health.Builder health = stale > maxStale ? Health.down() : Health.up();
    health
        .withDetail("pending", pending)
        .withDetail("failed", failed)
        .withDetail("oldestPendingAgeSeconds", oldestPending.map(at -> Duration.between(at, now).toSeconds()).orElse(0L))
        .withDetail("stale", stale);
    if (stale > 0) {
      health.withDetail(
          "warning", stale + " message(s) pending for more than " + staleAfter + " (DOWN above " + maxStale + ")");
    }
    return health.build();
  }
}
