package org.lifeline.orchestrator.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.lifeline.orchestrator.platform.CachedValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Operations metrics of the outbox: {@code lifeline.outbox.lag} (seconds since the oldest message
 * still waiting for delivery was queued; 0 when none waits), {@code lifeline.outbox.pending} and
 * {@code lifeline.outbox.failed} (messages given up after the last attempt). Read from the database
 * at most once per {@code lifeline.metrics.cache}.
 */
@Component
class OutboxMetrics {

  private record Snapshot(long pending, long failed, double lagSeconds) {}

  OutboxMetrics(
      OutboundMessageRepository outbox,
      MeterRegistry registry,
      Clock clock,
      @Value("${lifeline.metrics.cache:15s}") Duration cache) {
    CachedValue<Snapshot> snapshot =
        new CachedValue<>(
            () ->
                new Snapshot(
                    outbox.countByStatus(OutboundMessage.Status.PENDING),
                    outbox.countByStatus(OutboundMessage.Status.FAILED),
                    outbox.findOldestPendingCreatedAt()
                        .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0)),
            new Snapshot(0, 0, 0),
            cache,
            clock);
    Gauge.builder("lifeline.outbox.lag", () -> snapshot.get().lagSeconds())
        .description("Age of the oldest message waiting for delivery")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("lifeline.outbox.pending", () -> snapshot.get().pending())
        .description("Messages waiting for delivery")
        .register(registry);
    Gauge.builder("lifeline.outbox.failed", () -> snapshot.get().failed())
        .description("Messages not delivered after the last attempt")
        .register(registry);
  }
}
