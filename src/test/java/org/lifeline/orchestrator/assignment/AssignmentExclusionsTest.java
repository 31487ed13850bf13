package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;

@AssignmentDataTest
class AssignmentExclusionsTest {

  @Autowired AssignmentExclusions exclusions;
  @Autowired SpecialistMatcher matcher;
  @Autowired TestData data;

  @Test
  void anExcludedSpecialistIsNotProposedAgainForThatRequestOnly() {
    String language = "xq";
    UUID declined = data.create(TestData.with(TestData.draft("Declined"), Set.of(language), Set.of("anxiety"), Set.of(AgeGroup.ADULT)));
    UUID next = data.create(TestData.with(TestData.draft("Next"), Set.of(language), Set.of("anxiety"), Set.of(AgeGroup.ADULT)));
    UUID request = data.request();
    UUID otherRequest = data.request();

    exclusions.exclude(request, declined, "DECLINED");
    exclusions.exclude(request, declined, "TIMED_OUT");

    assertThat(exclusions.excludedFor(request)).containsExactly(declined);
    assertThat(exclusions.excludedFor(otherRequest)).isEmpty();
    MatchCriteria criteria =
        new MatchCriteria(language, "anxiety", AgeGroup.ADULT, RiskLevel.LOW, null, Instant.now()).excluding(exclusions.excludedFor(request));
    assertThat(matcher.rank(criteria, 10)).extracting(Candidate::specialistId).containsExactly(next);
  }
}
