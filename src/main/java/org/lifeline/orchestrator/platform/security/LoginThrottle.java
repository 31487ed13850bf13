package org.lifeline.orchestrator.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows login guessing down: after {@code max-failures} wrong passwords in a row an account must wait (1 minute,
 * doubling with every further failure, at most 15), and so must an address after {@code address-max-failures} wrong
 * passwords or API keys; while it waits, even the right password is refused (429 with Retry-After). A successful login
 * clears the account's count. Attempts refused while waiting are not counted, so nobody can keep an account locked
 * forever from afar. Used by {@link ThrottledAuthenticationProvider} (configured users, and any password login wrapped
 * the same way) and by the API key filter; the counts live in {@link LoginAttempts}.
 */
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final LoginThrottleProperties properties;
  private final LoginAttempts attempts;
  private final Clock clock;

  public LoginThrottle(LoginThrottleProperties properties, LoginAttempts attempts, Clock clock) {
    this.properties = properties;
    this.attempts = attempts;
    this.clock = clock;
  }

  /**
   * How long this login must wait before it is checked at all; empty when it may be checked now.
   *
   * @param account the account named (null for an API key)
   * @param address the caller's address
   */
  public Optional<Duration> waitFor(String account, String address) {
    Instant now = clock.instant();
    Optional<Duration> ofAccount =
        account == null ? Optional.empty() : waitFor(accountKey(account), properties.maxFailures(), now);
    Optional<Duration> ofAddress = waitFor(addressKey(address), properties.addressMaxFailures(), now);
    if (ofAccount.isPresent() && ofAddress.isPresent()) {
      return Optional.of(ofAccount.get().compareTo(ofAddress.get()) >= 0 ? ofAccount.get() : ofAddress.get());
    }
    return ofAccount.isPresent() ? ofAccount : ofAddress;
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    if (account != null) {
      LoginFailures failures = attempts.recordFailure(accountKey(account), now, properties.maxLockout());
      if (failures.count() == properties.maxFailures()) {
        log.warn("Account '{}' must wait after {} failed logins in a row", printable(account), failures.count());
      }
    }
    LoginFailures fromAddress = attempts.recordFailure(addressKey(address), now, properties.maxLockout());
    if (fromAddress.count() == properties.addressMaxFailures()) {
      log.warn("Address {} must wait after {} failed logins", address, fromAddress.count());
    }
  }

  public void succeeded(String account) {
    attempts.clear(accountKey(account));
  }

  private Optional<Duration> waitFor(String key, int maxFailures, Instant now) {
    LoginFailures failures = attempts.failures(key);
    if (failures.count() < maxFailures || failures.last().plus(properties.maxLockout()).isBefore(now)) {
      return Optional.empty();
    }
    Instant until = failures.last().plus(lockout(failures.count() - maxFailures));
    return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  /** The lockout doubled for each failure beyond the limit, at most the longest one. */
  private Duration lockout(int beyondLimit) {
    Duration wait = properties.lockout();
    for (int i = 0; i < beyondLimit && wait.compareTo(properties.maxLockout()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.maxLockout()) > 0 ? properties.maxLockout() : wait;
  }

  /** The name as typed, safe for one log line. */
  private static String printable(String account) {
    String cleaned = account.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() <= 100 ? cleaned : cleaned.substring(0, 100) + "...";
  }

  private static String accountKey(String account) {
    return "account:" + account.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
