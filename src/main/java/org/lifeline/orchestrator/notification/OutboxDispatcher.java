package org.lifeline.orchestrator.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages. Each message is handled in its own transaction; the optimistic lock
 * keeps two replicas from delivering the same one, and the history entry is written with the
 * delivery, so the history shows what really went out.
 */
@Component
class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboundMessageRepository outbox;
  private final ContactRepository contacts;
  private final List<MessageChannel> channels;
  private final MessageTemplates templates;
  private final RequestLifecycle lifecycle;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration firstBackoff;

  OutboxDispatcher(
      OutboundMessageRepository outbox,
      ContactRepository contacts,
      List<MessageChannel> channels,
      MessageTemplates templates,
      RequestLifecycle lifecycle,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${lifeline.outbox.max-attempts:8}") int maxAttempts,
      @Value("${lifeline.outbox.first-backoff:5s}") Duration firstBackoff) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.channels = channels;
    this.templates = templates;
    this.lifecycle = lifecycle;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
  }

  @Scheduled(fixedDelayString = "${lifeline.outbox.interval:500ms}")
  void deliverDue() {
    for (UUID id : outbox.findDueIds(clock.instant(), Limit.of(100))) {
      try {
        transaction.executeWithoutResult(status -> deliver(id));
      } catch (OptimisticLockingFailureException deliveredElsewhere) {
        log.debug("Message {} was handled by another dispatcher", id);
      }
    }
  }

  private void deliver(UUID id) {
    OutboundMessage message = outbox.findById(id).orElseThrow();
    if (message.getStatus() != OutboundMessage.Status.PENDING) {
      return;
    }
    Contact contact = contacts.getReferenceById(message.getContactId());
    try {
      if (!contact.isReachable()) {
        throw new RecipientUnreachableException("contact unreachable on " + message.getChannel().code());
      }
      String handle = contact.getChannelUserId();
      String text = templates.render(message.getTemplate(), message.getLanguage());
      channelFor(message).send(message, handle, text);
      message.sent(clock.instant());
      lifecycle.recordOutbound(message.getRequestId(), message.getTemplate(), RequestLifecycle.SYSTEM);
      events.publishEvent(new OutboundMessageSent(message.getRequestId(), message.getChannel(), message.getTemplate()));
    } catch (RetryLaterException rateLimited) {
      message.deferred(clock.instant().plus(rateLimited.retryAfter()));
      log.info("Message {} for request {} deferred by {}", id, message.getRequestId(), rateLimited.retryAfter());
    } catch (RecipientUnreachableException unreachable) {
      message.undeliverable(unreachable.getMessage(), clock.instant());
      if (contact.isReachable()) {
        contact.markUnreachable(clock.instant());
        lifecycle.recordChannelUnreachable(message.getRequestId());
      }
      log.warn("Message {} for request {} given up: {}", id, message.getRequestId(), unreachable.getMessage());
    } catch (RuntimeException deliveryFailure) {
      message.failed(deliveryFailure.getMessage(), clock.instant(), maxAttempts, firstBackoff);
      log.warn(
          "Message {} ('{}') for request {} not delivered (attempt {}): {}",
          id,
          message.getTemplate(),
          message.getRequestId(),
          message.getAttempts(),
          deliveryFailure.getMessage());
    }
    outbox.saveAndFlush(message);
  }

  private MessageChannel channelFor(OutboundMessage message) {
    return channels.stream()
        .filter(channel -> channel.delivers(message.getChannel()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No adapter delivers " + message.getChannel()));
  }
}
