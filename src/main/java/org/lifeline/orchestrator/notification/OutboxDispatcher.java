package org.lifeline.orchestrator.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.MessageKind;
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
 * Delivers queued messages through the adapter of their channel. Each message is handled in its own transaction; the
 * optimistic lock keeps two replicas from delivering the same one, and the history entry is written with the
 * delivery, so the history shows what really went out. How it ended (sent, given up, unreachable) is announced with
 * the text ({@link OutboundMessageSettled}) for the conversation.
 */
@Component
class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboundMessageRepository outbox;
  private final ContactRepository contacts;
  private final List<MessageChannel> channels;
  private final MessageTemplates templates;
  private final ReplyTexts replyTexts;
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
      ReplyTexts replyTexts,
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
    this.replyTexts = replyTexts;
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
    Optional<String> text = textOf(message);
    if (text.isEmpty()) {
      message.abandoned("the reply's text was erased before delivery", clock.instant());
      outbox.saveAndFlush(message);
      return;
    }
    Contact contact = contacts.getReferenceById(message.getContactId());
    try {
      if (!contact.isReachable()) {
        throw new RecipientUnreachableException("contact unreachable on " + message.getChannel().code());
      }
      channelFor(message).send(message, contact.getChannelUserId(), text.get());
      message.sent(clock.instant());
      String actor = message.getKind() == MessageKind.REPLY ? message.getAuthor() : RequestLifecycle.SYSTEM;
      lifecycle.recordOutbound(message.getRequestId(), message.getKind(), message.getTemplate(), actor);
      events.publishEvent(new OutboundMessageSent(message.getRequestId(), message.getChannel(), message.getTemplate()));
      settled(message, text.get());
    } catch (RetryLaterException rateLimited) {
      message.deferred(clock.instant().plus(rateLimited.retryAfter()));
      log.info("Message {} for request {} deferred by {}", id, message.getRequestId(), rateLimited.retryAfter());
    } catch (RecipientUnreachableException unreachable) {
      message.unreachable(unreachable.getMessage(), clock.instant());
      if (contact.isReachable()) {
        contact.markUnreachable(clock.instant());
        lifecycle.recordChannelUnreachable(message.getRequestId());
      }
      settled(message, text.get());
      log.warn("Message {} for request {} given up: {}", id, message.getRequestId(), unreachable.getMessage());
    } catch (RuntimeException deliveryFailure) {
      message.failed(deliveryFailure.getMessage(), clock.instant(), maxAttempts, firstBackoff);
      if (message.getStatus() == OutboundMessage.Status.FAILED) {
        settled(message, text.get());
      }
      log.warn(
          "Message {} ({}) for request {} not delivered (attempt {}): {}",
          id,
          message.getTemplate() == null ? message.getKind() : message.getTemplate(),
          message.getRequestId(),
          message.getAttempts(),
          deliveryFailure.getMessage());
    }
    outbox.saveAndFlush(message);
  }

  /** A template is rendered now, so a corrected text applies to messages not yet delivered; a reply's text is kept. */
  private Optional<String> textOf(OutboundMessage message) {
    return message.getKind() == MessageKind.REPLY
        ? replyTexts.textOf(message.getId())
        : Optional.of(templates.render(message.getTemplate(), message.getLanguage()));
  }

  private void settled(OutboundMessage message, String text) {
    events.publishEvent(
        new OutboundMessageSettled(
            message.getId(),
            message.getRequestId(),
            message.getKind(),
            message.getTemplate(),
            message.getStatus().delivery(),
            clock.instant(),
            text));
  }

  private MessageChannel channelFor(OutboundMessage message) {
    return channels.stream()
        .filter(channel -> channel.delivers(message))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No adapter delivers " + message.getChannel()));
  }
}
