package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;

@AssignmentDataTest
class WaitingQueueTest {

  static final Instant T0 = Instant.parse("2025-03-05T10:00:00Z");

  @Autowired WaitingQueue queue;
  @Autowired TestData data;

  static MatchCriteria criteria(RiskLevel risk, Instant now) {
    return new MatchCriteria("uk", "grief", AgeGroup.ADULT, risk, Set.of(), now);
  }

  @Test
  void servesHigherRiskFirstThenTheLongestWaiting() {
    UUID earlyLow = data.request();
    UUID lateHigh = data.request();
    UUID earlyMedium = data.request();
    UUID earlierHigh = data.request();
    UUID none = data.request();
    queue.enqueue(earlyLow, criteria(RiskLevel.LOW, T0), false);
    queue.enqueue(none, criteria(RiskLevel.NONE, T0.minusSeconds(3600)), false);
    queue.enqueue(earlyMedium, criteria(RiskLevel.MEDIUM, T0.plusSeconds(10)), false);
    queue.enqueue(lateHigh, criteria(RiskLevel.HIGH, T0.plusSeconds(600)), false);
    queue.enqueue(earlierHigh, criteria(RiskLevel.HIGH, T0.plusSeconds(300)), false);

    assertThat(queue.nextWaiting(10))
        .extracting(WaitingRequest::getRequestId)
        .containsExactly(earlierHigh, lateHigh, earlyMedium, earlyLow, none);
    assertThat(queue.nextWaiting(2)).extracting(WaitingRequest::getRequestId).containsExactly(earlierHigh, lateHigh);
  }

  @Test
  void enqueueingAgainKeepsThePlaceButARaisedRiskMovesItUp() {
    UUID first = data.request();
    UUID second = data.request();
    queue.enqueue(first, criteria(RiskLevel.LOW, T0), false);
    queue.enqueue(second, criteria(RiskLevel.LOW, T0.plusSeconds(60)), false);

    queue.enqueue(first, criteria(RiskLevel.NONE, T0.plusSeconds(120)), false);
    assertThat(queue.nextWaiting(10)).extracting(WaitingRequest::getRequestId).containsExactly(first, second);
    assertThat(queue.nextWaiting(1).getFirst().getRiskLevel()).as("risk never drops").isEqualTo(RiskLevel.LOW);
    assertThat(queue.nextWaiting(1).getFirst().getWaitingSince()).isEqualTo(T0);

    queue.enqueue(second, criteria(RiskLevel.HIGH, T0.plusSeconds(180)), false);
    WaitingRequest top = queue.nextWaiting(1).getFirst();
    assertThat(top.getRequestId()).isEqualTo(second);
    assertThat(top.getWaitingSince()).isEqualTo(T0.plusSeconds(60));
    assertThat(top.getLanguage()).isEqualTo("uk");
    assertThat(top.getTopic()).isEqualTo("grief");
    assertThat(top.getAgeGroup()).isEqualTo(AgeGroup.ADULT);
  }

  @Test
  void aHighRiskRequestIsServedBeforeAnEarlierLowRiskOneAndAPriorityRequestBeforeBoth() {
    UUID earlierLow = data.request();
    UUID laterHigh = data.request();
    UUID latestPriority = data.request();
    queue.enqueue(earlierLow, criteria(RiskLevel.LOW, T0), false);
    queue.enqueue(laterHigh, criteria(RiskLevel.HIGH, T0.plusSeconds(3600)), false);
    assertThat(queue.nextWaiting(10)).extracting(WaitingRequest::getRequestId).containsExactly(laterHigh, earlierLow);

    queue.enqueue(latestPriority, criteria(RiskLevel.NONE, T0.plusSeconds(7200)), true);
    queue.enqueue(latestPriority, criteria(RiskLevel.NONE, T0.plusSeconds(7300)), false);

    assertThat(queue.nextWaiting(10))
        .extracting(WaitingRequest::getRequestId)
        .containsExactly(latestPriority, laterHigh, earlierLow);
    assertThat(queue.nextWaiting(1).getFirst().isPriority()).as("the flag never drops").isTrue();
  }

  @Test
  void removingTakesARequestOutAndIsIdempotent() {
    UUID request = data.request();
    queue.enqueue(request, criteria(RiskLevel.MEDIUM, T0), false);

    queue.remove(request);
    queue.remove(request);

    assertThat(queue.nextWaiting(10)).extracting(WaitingRequest::getRequestId).doesNotContain(request);
  }
}
