package org.lifeline.orchestrator.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One token bucket per client key, refilled continuously; the least recently seen keys are forgotten. */
class TokenBuckets {

  private static final int REMEMBERED_KEYS = 50_000;

  private final Clock clock;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > REMEMBERED_KEYS;
        }
      };

  TokenBuckets(Clock clock) {
    this.clock = clock;
  }

  /** Takes one token; when none is left, says how long until the next one. */
  synchronized Optional<Duration> take(String key, int perMinute) {
    Instant now = clock.instant();
    Bucket bucket = buckets.computeIfAbsent(key, any -> new Bucket(perMinute, now));
    double refill = Duration.between(bucket.updated, now).toNanos() / 60_000_000_000.0 * perMinute;
    bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Optional.empty();
    }
    double missing = 1 - bucket.tokens;
    return Optional.of(Duration.ofNanos((long) Math.ceil(missing * 60_000_000_000.0 / perMinute)));
  }

  private static final class Bucket {
    double tokens;
    Instant updated;

    Bucket(int capacity, Instant now) {
      this.tokens = capacity;
      this.updated = now;
    }
  }
}
