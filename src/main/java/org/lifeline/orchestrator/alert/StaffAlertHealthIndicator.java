package org.lifeline.orchestrator.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code staffAlerts}: alerts to staff waiting or given up. An alert given up within {@code
 * lifeline.alerts.health.failed-window}, more than {@code max-stale} waiting longer than {@code stale-after}, or, while
 * e-mail or Telegram is set up, an escalation alert within the window that reached only the log or nobody
 * (UNREACHABLE), is DOWN: an emergency may be paging nobody. Fewer stale ones are a warning.
 */
@Component("staffAlertsHealthIndicator")
class StaffAlertHealthIndicator implements HealthIndicator {

  private static final Set<AlertEvent> ESCALATIONS =
      EnumSet.of(AlertEvent.ESCALATION_ON_DUTY, AlertEvent.ESCALATION_BACKUP, AlertEvent.ESCALATION_ALL);

  private final StaffAlertRepository alerts;
  private final StaffAlerts channels;
  private final AlertProperties properties;
  private final Clock clock;

  StaffAlertHealthIndicator(StaffAlertRepository alerts, StaffAlerts channels, AlertProperties properties, Clock clock) {
    this.alerts = alerts;
    this.channels = channels;
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
            channels.realChannelConfigured()
                ? alerts.countUnreachedSince(ESCALATIONS, now.minus(limits.failedWindow()))
                : 0,
            alerts.findOldestPendingCreatedAt()),
        now,
        limits);
  }

  static Health evaluate(Counts counts, Instant now, AlertProperties.Health limits) {
    boolean down =
        counts.failedRecently() > 0 || counts.stale() > limits.maxStale() || counts.escalationsUnreached() > 0;
    Health.Builder health = down ? Health.down() : Health.up();
    health
        .withDetail("pending", counts.pending())
        .withDetail("stale", counts.stale())
        .withDetail("failed", counts.failed())
        .withDetail("failedRecently", counts.failedRecently())
        .withDetail("unreachable", counts.unreachable())
        .withDetail("escalationsUnreached", counts.escalationsUnreached())
        .withDetail(
            "oldestPendingAgeSeconds",
            counts.oldestPending().map(at -> Duration.between(at, now).toSeconds()).orElse(0L));
    if (counts.escalationsUnreached() > 0) {
      health.withDetail(
          "error",
          counts.escalationsUnreached() + " escalation alert(s) within " + limits.failedWindow()
              + " reached only the log or nobody: give the supervisors on the rota an e-mail address or a linked Telegram");
    } else if (counts.failedRecently() > 0) {
      health.withDetail(
          "error", counts.failedRecently() + " alert(s) to staff given up within " + limits.failedWindow() + ": check the channel (SMTP, Telegram)");
    } else if (counts.stale() > 0) {
      health.withDetail("warning", counts.stale() + " alert(s) to staff pending for more than " + limits.staleAfter());
    }
    return health.build();
  }

  /**
   * @param escalationsUnreached escalation alerts within the failed-window that went only to the log or were
   *     UNREACHABLE, counted while e-mail or Telegram is set up (0 without them: the log is all there is)
   */
  record Counts(
      long pending,
      long stale,
      long failed,
      long failedRecently,
      long unreachable,
      long escalationsUnreached,
      Optional<Instant> oldestPending) {}
}
