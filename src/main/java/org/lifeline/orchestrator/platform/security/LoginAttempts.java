package org.lifeline.orchestrator.platform.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Where {@link LoginThrottle} counts failed logins, by key ({@code account:<name>@<ip>} or {@code address:<ip>}). The
 * default keeps them in memory (per instance, gone at restart); a store for staff accounts kept in the database can
 * replace it (a bean of this type) to make an account's failures survive restarts and be shared by replicas.
 */
public interface LoginAttempts {

  LoginFailures failures(String key);

  /**
   * Counts one more failure; a count whose last failure is older than {@code forgetAfter} starts again at one.
   *
   * @return the count after this failure
   */
  LoginFailures recordFailure(String key, Instant at, Duration forgetAfter);

  void clear(String key);
}
