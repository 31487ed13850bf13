package org.lifeline.orchestrator.platform.security;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Too many failed logins: this one is refused without checking it. An {@link AccountStatusException}, so that no
 * other authentication provider is tried after it.
 */
public class LoginThrottledException extends AccountStatusException {

  private final Duration retryAfter;

  public LoginThrottledException(Duration retryAfter) {
    super("Too many failed logins: try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least one. */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
