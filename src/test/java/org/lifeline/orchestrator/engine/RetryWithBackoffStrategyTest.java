package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  void aServiceTaskJobLosesOneRetryPerFailure() {
    assertThat(RetryWithBackoffStrategy.afterFailure("sendGreeting", 5)).isEqualTo(new RetryWithBackoffStrategy.Retries(4, 4));
    assertThat(RetryWithBackoffStrategy.afterFailure("sendGreeting", 1)).isEqualTo(new RetryWithBackoffStrategy.Retries(0, 0));
  }

  @Test
  void anAdaptedUserTaskFailsFiveTimesWithBackoffBeforeItsIncidentThoughTheEngineGaveItOneRetry() {
    List<Integer> given = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    int retries = 1;
    do {
      RetryWithBackoffStrategy.Retries next = RetryWithBackoffStrategy.afterFailure(UserTaskAdaptation.JOB_TYPE, retries);
      given.add(next.given());
      waits.add(strategy.backoffAfter(next.left()));
      retries = next.given();
    } while (retries > 0);

    assertThat(given).containsExactly(5, 4, 3, 2, 0);
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ZERO);
  }

  @Test
  void neverWaitsLessThanTheFirstBackoffWithManyRetries() {
    assertThat(strategy.backoffAfter(20)).isEqualTo(Duration.ofSeconds(2));
  }
}
