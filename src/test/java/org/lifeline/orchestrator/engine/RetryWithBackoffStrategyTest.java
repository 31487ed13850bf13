package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryWithBackoffStrategyTest {

  RetryWithBackoffStrategy strategy =
      new RetryWithBackoffStrategy(null, null, Duration.ofSeconds(2), Duration.ofSeconds(10));

  @Test
  void waitsLongerAsRetriesRunOutAndStopsAtTheCap() {
    assertThat(strategy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(strategy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(strategy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(8));
    assertThat(strategy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void raisesTheIncidentAtOnceWhenNoRetryIsLeft() {
    assertThat(strategy.backoffAfter(0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void neverWaitsLessThanTheFirstBackoffWithManyRetries() {
    assertThat(strategy.backoffAfter(20)).isEqualTo(Duration.ofSeconds(2));
  }
}
