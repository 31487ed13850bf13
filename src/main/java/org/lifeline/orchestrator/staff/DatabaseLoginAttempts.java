package org.lifeline.orchestrator.staff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.lifeline.orchestrator.platform.security.LoginAttempts;
import org.lifeline.orchestrator.platform.security.LoginFailures;
import org.lifeline.orchestrator.platform.security.LoginThrottleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins in the database ({@code login_failure}), so an account's wait holds on every replica and across
 * restarts. Each count is one row changed by a single UPDATE (an INSERT for the first), atomic on H2 and PostgreSQL;
 * rows whose last failure is older than the longest lockout mean nothing any more and are deleted in the background.
 * A key longer than the column (a name typed absurdly long) is stored as its hash.
 */
@Component
class DatabaseLoginAttempts implements LoginAttempts {

  private static final int MAX_KEY = 200;
  private static final Logger log = LoggerFactory.getLogger(DatabaseLoginAttempts.class);

  private final JdbcTemplate jdbc;
  private final LoginThrottleProperties throttle;
  private final Clock clock;

  DatabaseLoginAttempts(JdbcTemplate jdbc, LoginThrottleProperties throttle, Clock clock) {
    this.jdbc = jdbc;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public LoginFailures failures(String key) {
    List<LoginFailures> found =
        jdbc.query(
            "select failures, last_failure_at from login_failure where failure_key = ?",
            (row, number) -> new LoginFailures(row.getInt(1), row.getTimestamp(2).toInstant()),
            stored(key));
    return found.isEmpty() ? LoginFailures.NONE : found.get(0);
  }

  @Override
  public LoginFailures recordFailure(String key, Instant at, Duration forgetAfter) {
    String stored = stored(key);
    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    OffsetDateTime forgetBefore = OffsetDateTime.ofInstant(at.minus(forgetAfter), ZoneOffset.UTC);
    // Each statement on its own (no transaction around them): on PostgreSQL a refused INSERT would spoil the rest of one.
    if (increment(stored, when, forgetBefore) == 0) {
      try {
        jdbc.update("insert into login_failure (failure_key, failures, last_failure_at) values (?, 1, ?)", stored, when);
      } catch (DuplicateKeyException concurrentFirst) {
        increment(stored, when, forgetBefore);
      }
    }
    return failures(key);
  }

  @Override
  public void clear(String key) {
    jdbc.update("delete from login_failure where failure_key = ?", stored(key));
  }

  /** Counts that can no longer make anyone wait. */
  @Scheduled(fixedDelayString = "${lifeline.security.login-throttle.cleanup-interval:10m}", initialDelayString = "1m")
  void forgetOldFailures() {
    int deleted =
        jdbc.update(
            "delete from login_failure where last_failure_at < ?",
            OffsetDateTime.ofInstant(clock.instant().minus(throttle.maxLockout()), ZoneOffset.UTC));
    if (deleted > 0) {
      log.debug("Forgot {} old login failure counts", deleted);
    }
  }

  private int increment(String key, OffsetDateTime at, OffsetDateTime forgetBefore) {
    return jdbc.update(
        """
        update login_failure
        set failures = case when last_failure_at < ? then 1 else failures + 1 end, last_failure_at = ?
        where failure_key = ?
        """,
        forgetBefore,
        at,
        key);
  }

  private static String stored(String key) {
    return key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY ? key : "sha256:" + OneTimeSecrets.hash(key);
  }
}
