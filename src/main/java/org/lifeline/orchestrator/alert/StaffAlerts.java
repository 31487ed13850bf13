package org.lifeline.orchestrator.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;
import org.lifeline.orchestrator.staff.AlertReach;
import org.lifeline.orchestrator.staff.StaffContact;
import org.lifeline.orchestrator.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues alerts to staff in the caller's transaction (nothing is sent for a decision that rolled back), one row per
 * staff member and channel: e-mail and Telegram where they reach the person, the log where neither does. Each
 * occurrence is queued once ({@code dedup_key}, inserted with ON CONFLICT DO NOTHING, so a redelivered job or a race
 * adds nothing and fails nothing); {@link StaffAlertDispatcher} delivers them. Disabled, unknown and only-invited
 * staff are skipped.
 */
@Service
public class StaffAlerts implements AlertReach {

  private static final Logger log = LoggerFactory.getLogger(StaffAlerts.class);

  private final JdbcTemplate jdbc;
  private final StaffDirectory directory;
  private final List<StaffNotifier> notifiers;
  private final StaffAlertRepository alerts;
  private final AlertProperties properties;
  private final Clock clock;

  StaffAlerts(
      JdbcTemplate jdbc,
      StaffDirectory directory,
      List<StaffNotifier> notifiers,
      StaffAlertRepository alerts,
      AlertProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.notifiers = notifiers;
    this.alerts = alerts;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Alerts these staff members once for this occurrence.
   *
   * @param occurrence what makes this alert unique, e.g. the escalation and its step: the same occurrence is queued once
   * @return who was alerted (enabled staff members), in order
   */
  @Transactional
  public List<String> alert(
      AlertEvent event, UUID requestId, RiskLevel level, Collection<String> usernames, String occurrence) {
    List<String> alerted = new ArrayList<>();
    for (String username : new LinkedHashSet<>(usernames)) {
      Optional<StaffContact> contact = username == null ? Optional.empty() : directory.contact(username);
      if (contact.isEmpty()) {
        log.warn(
            "Alert {} for request {} not sent to '{}': no active staff member (unknown, disabled, or no password yet)",
            event,
            requestId,
            username);
        continue;
      }
      for (AlertChannel channel : channelsOf(contact.get())) {
        queue(event, requestId, level, contact.get().username(), channel, occurrence);
      }
      alerted.add(contact.get().username());
    }
    return alerted;
  }

  /**
   * The person wrote in a case a specialist holds: alerts them unless they were alerted of a message in this case within
   * {@code lifeline.alerts.message-alert-interval} (10 minutes).
   */
  @Transactional
  public void newMessage(UUID requestId, String specialist, RiskLevel level, Instant at) {
    Instant since = clock.instant().minus(properties.messageAlertInterval());
    if (alerts.existsByRequestIdAndEventAndRecipientAndCreatedAtAfter(requestId, AlertEvent.NEW_MESSAGE, specialist, since)) {
      return;
    }
    long window = at.toEpochMilli() / properties.messageAlertInterval().toMillis();
    alert(AlertEvent.NEW_MESSAGE, requestId, level, List.of(specialist), "window-" + window);
  }

  @Override
  public boolean realChannelConfigured() {
    return notifiers.stream().anyMatch(notifier -> notifier.channel() != AlertChannel.LOG);
  }

  @Override
  public boolean reaches(String username) {
    Optional<StaffContact> contact = username == null ? Optional.empty() : directory.contact(username);
    return contact.isPresent() && (!realChannelConfigured() || !realChannelsOf(contact.get()).isEmpty());
  }

  private List<AlertChannel> channelsOf(StaffContact contact) {
    List<AlertChannel> channels = realChannelsOf(contact);
    return channels.isEmpty() ? List.of(AlertChannel.LOG) : channels;
  }

  private List<AlertChannel> realChannelsOf(StaffContact contact) {
    return notifiers.stream()
        .filter(notifier -> notifier.channel() != AlertChannel.LOG && notifier.reaches(contact))
        .map(StaffNotifier::channel)
        .distinct()
        .toList();
  }

  private void queue(AlertEvent event, UUID requestId, RiskLevel level, String username, AlertChannel channel, String occurrence) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    String key = event.name() + ":" + requestId + ":" + occurrence + ":" + username + ":" + channel;
    jdbc.update(
        """
        insert into staff_alert (id, dedup_key, recipient, channel, event, request_id, risk_level, status, attempts,
                                 next_attempt_at, created_at, version)
        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)
        on conflict do nothing
        """,
        UUID.randomUUID(),
        key.length() <= 300 ? key : key.substring(0, 300),
        username,
        channel.name(),
        event.name(),
        requestId,
        level == null ? null : level.name(),
        now,
        now);
  }
}
