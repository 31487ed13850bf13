package org.lifeline.orchestrator.alert;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.notification.RecipientUnreachableException;
import org.lifeline.orchestrator.notification.RetryLaterException;
import org.lifeline.orchestrator.platform.ConsoleLinks;
import org.lifeline.orchestrator.staff.StaffContact;
import org.lifeline.orchestrator.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued staff alerts through the notifier of their channel, each in its own transaction; the optimistic
 * lock keeps two replicas from settling the same one (a send that lost that race may have gone out twice: at least
 * once). A failure is retried with exponential backoff and given up after {@code lifeline.alerts.max-attempts}.
 */
@Component
class StaffAlertDispatcher {

  private static final Logger log = LoggerFactory.getLogger(StaffAlertDispatcher.class);

  private final StaffAlertRepository alerts;
  private final StaffDirectory directory;
  private final List<StaffNotifier> notifiers;
  private final ConsoleLinks links;
  private final AlertProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  StaffAlertDispatcher(
      StaffAlertRepository alerts,
      StaffDirectory directory,
      List<StaffNotifier> notifiers,
      ConsoleLinks links,
      AlertProperties properties,
      TransactionTemplate transaction,
      Clock clock) {
    this.alerts = alerts;
    this.directory = directory;
    this.notifiers = notifiers;
    this.links = links;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${lifeline.alerts.interval:500ms}")
  void deliverDue() {
    for (UUID id : alerts.findDueIds(clock.instant(), Limit.of(100))) {
      try {
        transaction.executeWithoutResult(status -> deliver(id));
      } catch (OptimisticLockingFailureException deliveredElsewhere) {
        log.debug("Alert {} was handled by another dispatcher", id);
      }
    }
  }

  private void deliver(UUID id) {
    StaffAlert alert = alerts.findById(id).orElseThrow();
    if (alert.getStatus() != StaffAlert.Status.PENDING) {
      return;
    }
    Optional<StaffContact> contact = directory.contact(alert.getRecipient());
    Optional<StaffNotifier> notifier = notifierOf(alert.getChannel());
    if (contact.isEmpty() || notifier.isEmpty() || !notifier.get().reaches(contact.get())) {
      alert.skipped(
          contact.isEmpty() ? "recipient disabled or gone" : "channel " + alert.getChannel() + " does not reach them any more",
          clock.instant());
      alerts.saveAndFlush(alert);
      log.warn("Alert {} ({}) for '{}' skipped: {}", id, alert.getEvent(), alert.getRecipient(), alert.getLastError());
      return;
    }
    try {
      notifier.get().send(contact.get(), StaffAlertTexts.of(alert, links));
      alert.sent(clock.instant());
    } catch (RetryLaterException rateLimited) {
      alert.deferred(clock.instant().plus(rateLimited.retryAfter()));
    } catch (RecipientUnreachableException unreachable) {
      alert.unreachable(unreachable.getMessage(), clock.instant());
      log.warn("Alert {} for '{}' on {}: unreachable ({})", id, alert.getRecipient(), alert.getChannel(), unreachable.getMessage());
    } catch (RuntimeException failure) {
      alert.failed(failure.getMessage(), clock.instant(), properties.maxAttempts(), properties.firstBackoff(), properties.maxBackoff());
      log.warn(
          "Alert {} ({}) for '{}' on {} not delivered (attempt {}{}): {}",
          id,
          alert.getEvent(),
          alert.getRecipient(),
          alert.getChannel(),
          alert.getAttempts(),
          alert.getStatus() == StaffAlert.Status.FAILED ? ", given up" : "",
          failure.getMessage());
    }
    alerts.saveAndFlush(alert);
  }

  private Optional<StaffNotifier> notifierOf(AlertChannel channel) {
    return notifiers.stream().filter(notifier -> notifier.channel() == channel).findFirst();
  }
}
