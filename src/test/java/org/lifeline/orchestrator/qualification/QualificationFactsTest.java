package org.lifeline.orchestrator.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RiskLevel;

class QualificationFactsTest {

  private static final UUID CONTACT = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void aFirstRequestHasNoEarlierFacts() {
    HelpRequest request = request(30, NOW);

    QualificationFacts facts = QualificationFacts.of(request, List.of(request));

    assertThat(facts).isEqualTo(new QualificationFacts(30, RiskLevel.NONE, false, false, false));
    assertThat(facts.asVariables())
        .containsEntry("statedAge", 30)
        .containsEntry("riskLevel", "NONE")
        .containsEntry("hasEarlierRequests", false);
  }

  @Test
  void aReinstalledBotWithAnotherAgeIsNoticedOnTheSameChannelUser() {
    HelpRequest earlier = request(16, NOW.minus(Duration.ofDays(2)));
    HelpRequest now = request(19, NOW);

    QualificationFacts facts = QualificationFacts.of(now, List.of(earlier, now));

    assertThat(facts.hasEarlierRequests()).isTrue();
    assertThat(facts.earlierAgeDiffers()).isTrue();
  }

  @Test
  void aBirthdayBetweenTwoRequestsIsNoReasonForDoubt() {
    HelpRequest lastYear = request(30, NOW.minus(Duration.ofDays(300)));
    HelpRequest now = request(31, NOW);
    HelpRequest twoYearsAgo = request(29, NOW.minus(Duration.ofDays(800)));

    assertThat(QualificationFacts.of(now, List.of(twoYearsAgo, lastYear, now)).earlierAgeDiffers()).isFalse();
  }

  @Test
  void growingYoungerOrOlderThanTimeAllowsIsADifference() {
    HelpRequest earlier = request(30, NOW.minus(Duration.ofDays(10)));

    assertThat(QualificationFacts.of(request(29, NOW), List.of(earlier)).earlierAgeDiffers()).isTrue();
    assertThat(QualificationFacts.of(request(32, NOW), List.of(earlier)).earlierAgeDiffers()).isTrue();
  }

  @Test
  void laterRequestsAndRequestsWithoutAnAgeDoNotCount() {
    HelpRequest now = request(25, NOW);
    HelpRequest later = request(40, NOW.plus(Duration.ofDays(1)));
    HelpRequest earlierWithoutAge = request(null, NOW.minus(Duration.ofDays(1)));

    QualificationFacts facts = QualificationFacts.of(now, List.of(earlierWithoutAge, now, later));

    assertThat(facts.hasEarlierRequests()).isTrue();
    assertThat(facts.earlierAgeDiffers()).isFalse();
    assertThat(facts.earlierRedirectedAsMinor()).isFalse();
  }

  private static HelpRequest request(Integer age, Instant at) {
    return new HelpRequest(CONTACT, Channel.TELEGRAM, age, "en", at);
  }
}
