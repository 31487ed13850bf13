package org.lifeline.orchestrator.notification;

/** Where an outbound message stands, as staff see it in the conversation (API contract). */
public enum Delivery {
  /** Waiting for the channel (first attempt, or retried after a failure with backoff). */
  QUEUED,
  /** The channel took it. */
  SENT,
  /** Given up: the channel kept failing, or there was nothing left to send. */
  FAILED,
  /** The channel said the person cannot be reached there (blocked the bot, contact gone). */
  UNREACHABLE
}
