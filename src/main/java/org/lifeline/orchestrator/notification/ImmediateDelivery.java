package org.lifeline.orchestrator.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers queued messages at once, in the caller's thread, instead of at the outbox's next round: for a caller that
 * must not say anything before them (a chat answers the person only after the crisis resources it caused are out).
 * Delivery is the outbox's own, with its retries when the channel fails.
 */
@Component
public class ImmediateDelivery {

  private final OutboundMessageRepository outbox;
  private final OutboxDispatcher dispatcher;
  private final Clock clock;

  ImmediateDelivery(OutboundMessageRepository outbox, OutboxDispatcher dispatcher, Clock clock) {
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /**
   * Delivers the request's waiting messages of this template that are due (a message deferred by the channel keeps
   * its time).
   *
   * @return whether none of them is left waiting (each was sent, or the channel gave it up)
   */
  public boolean deliverWaiting(UUID requestId, String template) {
    boolean allDone = true;
    Instant now = clock.instant();
    for (OutboundMessage waiting : outbox.findByRequestIdAndTemplateAndStatus(requestId, template, OutboundMessage.Status.PENDING)) {
      // One the channel asked to wait for (or that failed a moment ago) keeps its time.
      allDone &= !waiting.getNextAttemptAt().isAfter(now) && dispatcher.deliverNow(waiting.getId());
    }
    return allDone;
  }
}
