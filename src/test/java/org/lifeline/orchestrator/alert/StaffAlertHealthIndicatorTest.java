package org.lifeline.orchestrator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class StaffAlertHealthIndicatorTest {

  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  static final AlertProperties.Health LIMITS = new AlertProperties.Health(null, 20, null);

  @Test
  void nothingWaitingIsUp() {
    Health health = StaffAlertHealthIndicator.evaluate(new StaffAlertHealthIndicator.Counts(0, 0, 0, 0, 0, 0, Optional.empty()), NOW, LIMITS);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("pending", 0L).doesNotContainKeys("warning", "error");
  }

  @Test
  void aFewStaleAlertsAreAWarning() {
    Health health =
        StaffAlertHealthIndicator.evaluate(
            new StaffAlertHealthIndicator.Counts(4, 3, 0, 0, 1, 0, Optional.of(NOW.minusSeconds(300))), NOW, LIMITS);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("oldestPendingAgeSeconds", 300L).containsKey("warning");
  }

  @Test
  void anAlertGivenUpRecentlyOrTooManyStaleOnesAreDown() {
    assertThat(
            StaffAlertHealthIndicator.evaluate(new StaffAlertHealthIndicator.Counts(0, 0, 5, 1, 0, 0, Optional.empty()), NOW, LIMITS)
                .getStatus())
        .isEqualTo(Status.DOWN);
    assertThat(
            StaffAlertHealthIndicator.evaluate(new StaffAlertHealthIndicator.Counts(0, 0, 5, 0, 0, 0, Optional.empty()), NOW, LIMITS)
                .getStatus())
        .as("failures older than the window are history, not an outage")
        .isEqualTo(Status.UP);
    assertThat(
            StaffAlertHealthIndicator.evaluate(
                    new StaffAlertHealthIndicator.Counts(30, 21, 0, 0, 0, 0, Optional.of(NOW.minusSeconds(900))), NOW, LIMITS)
                .getStatus())
        .isEqualTo(Status.DOWN);
  }

  @Test
  void anEscalationAlertThatReachedOnlyTheLogIsDownWithTheReason() {
    Health health =
        StaffAlertHealthIndicator.evaluate(new StaffAlertHealthIndicator.Counts(0, 0, 0, 0, 0, 1, Optional.empty()), NOW, LIMITS);

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("escalationsUnreached", 1L)
        .hasEntrySatisfying("error", error -> assertThat((String) error).contains("reached only the log or nobody"));
  }
}
