package org.lifeline.orchestrator.notification;

import java.time.Duration;

/** The channel asks us to wait (e.g. a rate limit): not a failure, the message is simply sent later. */
public class RetryLaterException extends RuntimeException {

  private final Duration retryAfter;

  public RetryLaterException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
