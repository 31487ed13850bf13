package org.lifeline.orchestrator.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows login guessing down: after {@code max-failures} wrong passwords in a row for one account from one address,
 * that account must wait on that address (1 minute, doubling with every further failure, at most 15), and an address
 * must wait for every account after {@code address-max-failures} wrong passwords or API keys; while it waits, even the
 * right password is refused there (429 with Retry-After). The account's lock is per address on purpose: a lock for the
 * account everywhere would let anyone who knows a username keep its owner (the on-duty supervisor in an emergency)
 * out for good by sending one wrong password whenever a wait ends. Someone guessing from many addresses is held back
 * by each address's own limits and by the password policy (12 characters, no common passwords). A successful login
 * clears the count of that account on that address. Attempts refused while waiting are not counted. Used by
 * {@link ThrottledAuthenticationProvider} (configured users, and any password login wrapped the same way) and by the
 * API key filter; the counts live in {@link LoginAttempts}.
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
        account == null ? Optional.empty() : waitFor(accountKey(account, address), properties.maxFailures(), now);
    Optional<Duration> ofAddress = waitFor(addressKey(address), properties.addressMaxFailures(), now);
    if (ofAccount.isPresent() && ofAddress.isPresent()) {
      return Optional.of(ofAccount.get().compareTo(ofAddress.get()) >= 0 ? ofAccount.get() : ofAddress.get());
    }
    return ofAccount.isPresent() ? ofAccount : ofAddress;
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    if (account != null) {
      LoginFailures failures = attempts.recordFailure(accountKey(account, address), now, properties.maxLockout());
      if (failures.count() == properties.maxFailures()) {
        log.warn(
            "Account '{}' must wait on {} after {} failed logins in a row from there",
            printable(account),
            address,
            failures.count());
      }
    }
    LoginFailures fromAddress = attempts.recordFailure(addressKey(address), now, properties.maxLockout());
    if (fromAddress.count() == properties.addressMaxFailures()) {
      log.warn("Address {} must wait after {} failed logins", address, fromAddress.count());
    }
  }

  /** The right password for the account from this address: its count there starts again. */
  public void succeeded(String account, String address) {
    attempts.clear(accountKey(account, address));
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

  private static String accountKey(String account, String address) {
    return "account:" + account.toLowerCase(Locale.ROOT) + "@" + address;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
