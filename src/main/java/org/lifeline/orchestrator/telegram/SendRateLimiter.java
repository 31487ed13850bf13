package org.lifeline.orchestrator.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lifeline.orchestrator.notification.RetryLaterException;

/**
 * Keeps the bot within Telegram's send limits (globally and per chat). A send that would exceed
 * them is not delayed in place but handed back to the outbox to be sent when it is allowed, so the
 * outbox stays the one queue.
 */
class SendRateLimiter {

  private static final int REMEMBERED_CHATS = 10_000;

  private final Clock clock;
  private final Duration globalInterval;
  private final Duration perChatInterval;
  private Instant nextGlobalSend = Instant.MIN;
  private final Map<Long, Instant> nextSendByChat =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
          return size() > REMEMBERED_CHATS;
        }
      };

  SendRateLimiter(Clock clock, int messagesPerSecond, Duration perChatInterval) {
    this.clock = clock;
    this.globalInterval = Duration.ofNanos(1_000_000_000L / messagesPerSecond);
    this.perChatInterval = perChatInterval;
  }

  /** Takes a send slot for the chat now, or throws how long to wait. */
  synchronized void acquire(long chatId) {
    Instant now = clock.instant();
    Instant chatAllowed = nextSendByChat.getOrDefault(chatId, Instant.MIN);
    Instant allowed = chatAllowed.isAfter(nextGlobalSend) ? chatAllowed : nextGlobalSend;
    if (allowed.isAfter(now)) {
      throw new RetryLaterException("Telegram send limit", Duration.between(now, allowed));
    }
    nextGlobalSend = now.plus(globalInterval);
    nextSendByChat.put(chatId, now.plus(perChatInterval));
  }
}
