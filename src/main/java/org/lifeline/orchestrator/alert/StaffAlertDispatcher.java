package org.lifeline.orchestrator.alert;

import java.time.Clock;
import java.time.Duration;
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
 * Delivers queued staff alerts through the notifier of their channel, without holding a database transaction while
 * an SMTP server or the Telegram rate limit makes it wait: each alert is claimed in one short transaction (its next
 * attempt moved {@link #CLAIM} ahead, so no other dispatcher takes it meanwhile, and one that crashes mid-send is
 * retried after it), sent outside any transaction, and its result recorded in another short one. The optimistic lock
 * keeps two replicas from claiming or settling the same one (a send whose claim ran out and was taken over may go out
 * twice: at least once). A failure is retried with exponential backoff and given up after {@code
 * lifeline.alerts.max-attempts}.
 */
@Component
class StaffAlertDispatcher {

  /** How long a claimed alert is left to its dispatcher: longer than any send may take. */
  static final Duration CLAIM = Duration.ofMinutes(2);

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
        claim(id).ifPresent(this::deliver);
      } catch (OptimisticLockingFailureException deliveredElsewhere) {
        log.debug("Alert {} was handled by another dispatcher", id);
      }
    }
  }

  /** The alert, claimed for this dispatcher; empty when it is not pending any more. */
  private Optional<StaffAlert> claim(UUID id) {
    return transaction.execute(
        status -> {
          StaffAlert alert = alerts.findById(id).orElseThrow();
          if (alert.getStatus() != StaffAlert.Status.PENDING) {
            return Optional.empty();
          }
          alert.deferred(clock.instant().plus(CLAIM));
          return Optional.of(alerts.saveAndFlush(alert));
        });
  }

  /** Sends the claimed alert outside any transaction and records the result (the claim's version must still hold). */
  private void deliver(StaffAlert alert) {
    Optional<StaffContact> contact = directory.contact(alert.getRecipient());
    Optional<StaffNotifier> notifier = notifierOf(alert.getChannel());
    if (contact.isEmpty() || notifier.isEmpty() || !notifier.get().reaches(contact.get())) {
      alert.skipped(
          contact.isEmpty() ? "recipient disabled or gone" : "channel " + alert.getChannel() + " does not reach them any more",
          clock.instant());
      record(alert);
      log.warn("Alert {} ({}) for '{}' skipped: {}", alert.getId(), alert.getEvent(), alert.getRecipient(), alert.getLastError());
      return;
    }
    try {
      notifier.get().send(contact.get(), StaffAlertTexts.of(alert, links));
      alert.sent(clock.instant());
    } catch (RetryLaterException rateLimited) {
      alert.deferred(clock.instant().plus(rateLimited.retryAfter()));
    } catch (RecipientUnreachableException unreachable) {
      alert.unreachable(unreachable.getMessage(), clock.instant());
      log.warn(
          "Alert {} for '{}' on {}: unreachable ({})",
          alert.getId(), alert.getRecipient(), alert.getChannel(), unreachable.getMessage());
    } catch (RuntimeException failure) {
      alert.failed(failure.getMessage(), clock.instant(), properties.maxAttempts(), properties.firstBackoff(), properties.maxBackoff());
      log.warn(
          "Alert {} ({}) for '{}' on {} not delivered (attempt {}{}): {}",
          alert.getId(),
          alert.getEvent(),
          alert.getRecipient(),
          alert.getChannel(),
          alert.getAttempts(),
          alert.getStatus() == StaffAlert.Status.FAILED ? ", given up" : "",
          failure.getMessage());
    }
    record(alert);
  }

  /** Stores the result; refused (optimistic lock) when the claim ran out and another dispatcher took the alert. */
  private void record(StaffAlert alert) {
    transaction.executeWithoutResult(status -> alerts.saveAndFlush(alert));
  }

  private Optional<StaffNotifier> notifierOf(AlertChannel channel) {
    return notifiers.stream().filter(notifier -> notifier.channel() == channel).findFirst();
  }
}
