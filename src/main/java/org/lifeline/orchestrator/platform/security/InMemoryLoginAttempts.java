package org.lifeline.orchestrator.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Failed logins in memory; the least recently failing keys are forgotten first, so guessing cannot fill the heap. */
class InMemoryLoginAttempts implements LoginAttempts {

  private static final int REMEMBERED_KEYS = 50_000;

  private final Map<String, LoginFailures> failures =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoginFailures> eldest) {
          return size() > REMEMBERED_KEYS;
        }
      };

  @Override
  public synchronized LoginFailures failures(String key) {
    return failures.getOrDefault(key, LoginFailures.NONE);
  }

  @Override
  public synchronized LoginFailures recordFailure(String key, Instant at, Duration forgetAfter) {
    LoginFailures earlier = failures.getOrDefault(key, LoginFailures.NONE);
    boolean forgotten = earlier.last() == null || earlier.last().plus(forgetAfter).isBefore(at);
    LoginFailures now = new LoginFailures(forgotten ? 1 : earlier.count() + 1, at);
    failures.put(key, now);
    return now;
  }

  @Override
  public synchronized void clear(String key) {
    failures.remove(key);
  }
}
