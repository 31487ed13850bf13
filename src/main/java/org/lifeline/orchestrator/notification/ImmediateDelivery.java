package org.lifeline.orchestrator.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers queued messages at once, in the caller's thread, instead of at the outbox's next round: for a caller that
 * must not say anything before them (a chat answers the person only after the crisis resources it caused are out).
 * Delivery is the outbox's own, with its retries when the channel fails.
 */
@Component
public class ImmediateDelivery {

  /** How long the caller waits, at most, for a channel's send limit or another dispatcher holding the message. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(3);

  /** Rounds per message: a clock that does not move (tests) must not keep the caller waiting forever. */
  private static final int MOST_ROUNDS = 5;

  private final OutboundMessageRepository outbox;
  private final OutboxDispatcher dispatcher;
  private final Clock clock;

  ImmediateDelivery(OutboundMessageRepository outbox, OutboxDispatcher dispatcher, Clock clock) {
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /**
   * Delivers the request's waiting messages of this template. One the channel asked to wait for a moment (a per-chat
   * send limit) or that another dispatcher is sending right now is waited for, up to {@link #LONGEST_WAIT} in all.
   *
   * @return whether none of them is left waiting (each was sent, or the channel gave it up)
   */
  public boolean deliverWaiting(UUID requestId, String template) {
    Instant giveUpAt = clock.instant().plus(LONGEST_WAIT);
    boolean allDone = true;
    for (OutboundMessage waiting : outbox.findByRequestIdAndTemplateAndStatus(requestId, template, OutboundMessage.Status.PENDING)) {
      allDone &= delivered(waiting.getId(), giveUpAt);
    }
    return allDone;
  }

  private boolean delivered(UUID id, Instant giveUpAt) {
    for (int round = 0; round < MOST_ROUNDS; round++) {
      Optional<OutboundMessage> message = outbox.findById(id);
      if (message.isEmpty() || message.get().getStatus() != OutboundMessage.Status.PENDING) {
        return true;
      }
      Instant due = message.get().getNextAttemptAt();
      Instant now = clock.instant();
      if (due.isAfter(giveUpAt)) {
        return false;
      }
      if (due.isAfter(now) && !pause(Duration.between(now, due))) {
        return false;
      }
      // False when the channel deferred it, or another dispatcher held it longer than the database's lock wait.
      if (dispatcher.deliverNow(id)) {
        return true;
      }
    }
    return false;
  }

  private boolean pause(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
