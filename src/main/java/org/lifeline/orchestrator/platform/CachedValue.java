package org.lifeline.orchestrator.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value computed at most once per time-to-live, for metrics that cost a database query: however
 * often Prometheus scrapes, the database is asked once per period. When computing fails (database
 * unreachable) the last value is kept.
 */
public final class CachedValue<T> {

  private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

  private final Supplier<T> compute;
  private final Duration timeToLive;
  private final Clock clock;
  private T value;
  private Instant computedAt;

  public CachedValue(Supplier<T> compute, T initial, Duration timeToLive, Clock clock) {
    this.compute = compute;
    this.value = initial;
    this.timeToLive = timeToLive;
    this.clock = clock;
  }

  public synchronized T get() {
    Instant now = clock.instant();
    if (computedAt == null || !now.isBefore(computedAt.plus(timeToLive))) {
      computedAt = now;
      try {
        value = compute.get();
      } catch (RuntimeException e) {
        log.warn("Metric not refreshed, keeping the last value: {}", e.getMessage());
      }
    }
    return value;
  }
}
