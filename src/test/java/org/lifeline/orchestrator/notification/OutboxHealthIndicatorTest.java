package org.lifeline.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class OutboxHealthIndicatorTest {

  static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
  static final Duration STALE_AFTER = Duration.ofMinutes(5);

  @Test
  void anEmptyOutboxIsUp() {
    Health health = OutboxHealthIndicator.evaluate(0, 0, 0, Optional.empty(), NOW, STALE_AFTER, 100);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("pending", 0L)
        .containsEntry("oldestPendingAgeSeconds", 0L)
        .doesNotContainKey("warning");
  }

  @Test
  void staleMessagesAreAWarningWhileThereAreFewOfThem() {
    Health health =
        OutboxHealthIndicator.evaluate(12, 3, 1, Optional.of(NOW.minusSeconds(600)), NOW, STALE_AFTER, 100);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("pending", 12L)
        .containsEntry("stale", 3L)
        .containsEntry("failed", 1L)
        .containsEntry("oldestPendingAgeSeconds", 600L)
        .containsEntry("warning", "3 message(s) pending for more than PT5M (DOWN above 100)");
  }

  @Test
  void tooManyStaleMessagesAreDown() {
    Health health =
        OutboxHealthIndicator.evaluate(500, 101, 0, Optional.of(NOW.minusSeconds(3600)), NOW, STALE_AFTER, 100);

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
  }
}
