package org.lifeline.orchestrator.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code staffAlerts}: alerts to staff waiting or given up. An alert given up within {@code
 * lifeline.alerts.health.failed-window}, or more than {@code max-stale} waiting longer than {@code stale-after}, is
 * DOWN: an emergency may be paging nobody. Fewer stale ones and unreachable recipients are a warning.
 */
@Component("staffAlertsHealthIndicator")
class StaffAlertHealthIndicator implements HealthIndicator {

  private final StaffAlertRepository alerts;
  private final AlertProperties properties;
  private final Clock clock;

  StaffAlertHealthIndicator(StaffAlertRepository alerts, AlertProperties properties, Clock clock) {
    this.alerts = alerts;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    AlertProperties.Health limits = properties.health();
    return evaluate(
        new Counts(
            alerts.countByStatus(StaffAlert.Status.PENDING),
            alerts.countByStatusAndCreatedAtBefore(StaffAlert.Status.PENDING, now.minus(limits.staleAfter())),
            alerts.countByStatus(StaffAlert.Status.FAILED),
            alerts.countByStatusAndNextAttemptAtAfter(StaffAlert.Status.FAILED, now.minus(limits.failedWindow())),
            alerts.countByStatus(StaffAlert.Status.UNREACHABLE),
            alerts.findOldestPendingCreatedAt()),
        now,
        limits);
  }

  static Health evaluate(Counts counts, Instant now, AlertProperties.Health limits) {
    boolean down = counts.failedRecently() > 0 || counts.stale() > limits.maxStale();
    Health.Builder health = down ? Health.down() : Health.up();
    health
        .withDetail("pending", counts.pending())
        .withDetail("stale", counts.stale())
        .withDetail("failed", counts.failed())
        .withDetail("failedRecently", counts.failedRecently())
        .withDetail("unreachable", counts.unreachable())
        .withDetail(
            "oldestPendingAgeSeconds",
            counts.oldestPending().map(at -> Duration.between(at, now).toSeconds()).orElse(0L));
    if (counts.failedRecently() > 0) {
      health.withDetail(
          "error", counts.failedRecently() + " alert(s) to staff given up within " + limits.failedWindow() + ": check the channel (SMTP, Telegram)");
    } else if (counts.stale() > 0) {
      health.withDetail("warning", counts.stale() + " alert(s) to staff pending for more than " + limits.staleAfter());
    }
    return health.build();
  }

  record Counts(long pending, long stale, long failed, long failedRecently, long unreachable, Optional<Instant> oldestPending) {}
}
