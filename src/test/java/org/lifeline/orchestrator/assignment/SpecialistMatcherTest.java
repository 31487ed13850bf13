package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.orchestrator.assignment.TestData.draft;
import static org.lifeline.orchestrator.assignment.TestData.with;
import static org.lifeline.orchestrator.assignment.TestData.withMaxCases;
import static org.lifeline.orchestrator.assignment.TestData.withShifts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;

/** The matching rules, each on its own, on the real schema and query. */
@AssignmentDataTest
class SpecialistMatcherTest {

  /** A Wednesday, 10:00 UTC. */
  static final Instant WEDNESDAY_10_UTC = Instant.parse("2025-03-05T10:00:00Z");

  @Autowired SpecialistMatcher matcher;
  @Autowired SpecialistRegistry registry;
  @Autowired TestData data;

  static MatchCriteria criteria(String language, String topic, AgeGroup ageGroup) {
    return new MatchCriteria(language, topic, ageGroup, RiskLevel.LOW, Set.of(), WEDNESDAY_10_UTC);
  }

  UUID propose(MatchCriteria criteria) {
    return matcher.proposeFor(criteria).orElseThrow().specialist().specialistId();
  }

  @Test
  void proposesOnlySpecialistsWhoSpeakTheLanguage() {
    data.create(with(draft("English"), Set.of("en"), Set.of("anxiety"), Set.of(AgeGroup.ADULT)));
    UUID ukrainian = data.create(with(draft("Ukrainian"), Set.of("uk", "ru"), Set.of("anxiety"), Set.of(AgeGroup.ADULT)));

    assertThat(propose(criteria("uk", "anxiety", AgeGroup.ADULT))).isEqualTo(ukrainian);
    assertThat(matcher.proposeFor(criteria("pl", "anxiety", AgeGroup.ADULT))).isEmpty();
  }

  @Test
  void prefersTheTopicAndFallsBackToAnyoneWithTheLanguage() {
    UUID anxiety = data.create(with(draft("Anxiety"), Set.of("en"), Set.of("anxiety"), Set.of(AgeGroup.ADULT)));
    UUID grief = data.create(with(draft("Grief"), Set.of("en"), Set.of("grief", "trauma"), Set.of(AgeGroup.ADULT)));
    data.load(grief, 3, null);

    Proposal forGrief = matcher.proposeFor(criteria("en", "grief", AgeGroup.ADULT)).orElseThrow();
    assertThat(forGrief.specialist().specialistId()).as("the topic outranks a lighter load").isEqualTo(grief);
    assertThat(forGrief.specialist().topicMatch()).isTrue();
    assertThat(forGrief.alternatives()).extracting(Candidate::specialistId).containsExactly(anxiety);
    assertThat(forGrief.alternatives().getFirst().topicMatch()).isFalse();

    Candidate forDisplacement = matcher.proposeFor(criteria("en", "displacement", AgeGroup.ADULT)).orElseThrow().specialist();
    assertThat(forDisplacement.specialistId()).as("nobody covers it: least loaded with the language").isEqualTo(anxiety);
    assertThat(forDisplacement.topicMatch()).isFalse();
  }

  @Test
  void topicOtherOrUnknownIsNoPreference() {
    UUID busy = data.create(draft("Busy"));
    UUID free = data.create(with(draft("Free"), Set.of("en"), Set.of("grief"), Set.of(AgeGroup.ADULT)));
    data.load(busy, 2, null);

    for (String topic : new String[] {"other", null}) {
      Candidate candidate = matcher.proposeFor(criteria("en", topic, AgeGroup.ADULT)).orElseThrow().specialist();
      assertThat(candidate.specialistId()).isEqualTo(free);
      assertThat(candidate.topicMatch()).isTrue();
    }
  }

  @Test
  void servesOnlyTheAgeGroupAndAnyGroupWhenTheAgeIsUnknown() {
    UUID seniors = data.create(with(draft("Seniors"), Set.of("en"), Set.of("anxiety"), Set.of(AgeGroup.SENIOR)));
    UUID young = data.create(with(draft("Young"), Set.of("en"), Set.of("anxiety"), Set.of(AgeGroup.YOUNG_ADULT, AgeGroup.ADULT)));
    data.load(young, 1, null);

    assertThat(propose(criteria("en", "anxiety", AgeGroup.SENIOR))).isEqualTo(seniors);
    assertThat(propose(criteria("en", "anxiety", AgeGroup.of(19)))).isEqualTo(young);
    assertThat(propose(criteria("en", "anxiety", null))).isEqualTo(seniors);
  }

  @Test
  void leavesOutSpecialistsWithoutFreeCapacity() {
    UUID full = data.create(withMaxCases(draft("Full"), 2));
    UUID almostFull = data.create(withMaxCases(draft("Almost full"), 10));
    data.load(full, 2, null);
    data.load(almostFull, 9, null);

    Proposal proposal = matcher.proposeFor(criteria("en", "anxiety", AgeGroup.ADULT)).orElseThrow();
    assertThat(proposal.specialist().specialistId()).isEqualTo(almostFull);
    assertThat(proposal.alternatives()).isEmpty();

    data.load(almostFull, 10, null);
    assertThat(matcher.proposeFor(criteria("en", "anxiety", AgeGroup.ADULT))).isEmpty();
  }

  @Test
  void leavesOutPausedSpecialists() {
    UUID paused = data.create(draft("Paused"));
    registry.pause(paused);
    data.create(with(draft("Other language"), Set.of("uk"), Set.of("anxiety"), Set.of(AgeGroup.ADULT)));

    assertThat(matcher.proposeFor(criteria("en", "anxiety", AgeGroup.ADULT))).isEmpty();

    registry.resume(paused);
    assertThat(propose(criteria("en", "anxiety", AgeGroup.ADULT))).isEqualTo(paused);
  }

  @Test
  void prefersSpecialistsOnShiftNowAndFallsBackToOthers() {
    UUID morning =
        data.create(withShifts(draft("Morning"), "UTC", List.of(new ShiftInput(DayOfWeek.WEDNESDAY, "08:00", "12:00"))));
    UUID evening =
        data.create(withShifts(draft("Evening"), "UTC", List.of(new ShiftInput(DayOfWeek.WEDNESDAY, "17:00", "22:00"))));
    data.load(morning, 3, null);

    Proposal proposal = matcher.proposeFor(criteria("en", "anxiety", AgeGroup.ADULT)).orElseThrow();
    assertThat(proposal.specialist().specialistId()).as("on shift outranks a lighter load").isEqualTo(morning);
    assertThat(proposal.specialist().onShift()).isTrue();
    assertThat(proposal.alternatives()).singleElement().satisfies(alternative -> {
      assertThat(alternative.specialistId()).isEqualTo(evening);
      assertThat(alternative.onShift()).isFalse();
    });

    MatchCriteria atNoon = new MatchCriteria("en", "anxiety", AgeGroup.ADULT, RiskLevel.LOW, Set.of(),
        Instant.parse("2025-03-05T12:00:00Z"));
    Candidate afterTheMorningShift = matcher.proposeFor(atNoon).orElseThrow().specialist();
    assertThat(afterTheMorningShift.specialistId()).as("a shift ends at its end time").isEqualTo(evening);
    assertThat(afterTheMorningShift.onShift()).isFalse();
  }

  @Test
  void aHighRiskRequestGetsOnlySomeoneOnShiftNow() {
    data.create(withShifts(draft("Evening"), "UTC", List.of(new ShiftInput(DayOfWeek.WEDNESDAY, "17:00", "22:00"))));
    MatchCriteria highRisk =
        new MatchCriteria("en", "anxiety", AgeGroup.ADULT, RiskLevel.HIGH, Set.of(), WEDNESDAY_10_UTC);

    assertThat(matcher.proposeFor(highRisk)).isEmpty();

    UUID onShift =
        data.create(withShifts(draft("Morning"), "UTC", List.of(new ShiftInput(DayOfWeek.WEDNESDAY, "09:00", "11:00"))));
    Proposal proposal = matcher.proposeFor(highRisk).orElseThrow();
    assertThat(proposal.specialist().specialistId()).isEqualTo(onShift);
    assertThat(proposal.alternatives()).isEmpty();
  }

  @Test
  void shiftsAreInTheSpecialistsTimeZone() {
    // 10:00 UTC on a Wednesday in March is 12:00 in Kyiv (UTC+2) and 06:00 in New York (UTC-4, summer time).
    UUID kyiv = data.create(withShifts(draft("Kyiv"), "Europe/Kyiv",
        List.of(new ShiftInput(DayOfWeek.WEDNESDAY, "11:30", "12:30"))));
    UUID newYork = data.create(withShifts(draft("New York"), "America/New_York",
        List.of(new ShiftInput(DayOfWeek.WEDNESDAY, "09:30", "10:30"))));

    Proposal proposal = matcher.proposeFor(criteria("en", "anxiety", AgeGroup.ADULT)).orElseThrow();
    assertThat(proposal.specialist().specialistId()).isEqualTo(kyiv);
    assertThat(proposal.specialist().onShift()).isTrue();
    assertThat(proposal.alternatives()).extracting(Candidate::specialistId).containsExactly(newYork);
    assertThat(proposal.alternatives().getFirst().onShift()).isFalse();
  }

  @Test
  void aNightShiftRunsPastMidnightIntoTheNextDay() {
    UUID night =
        data.create(withShifts(draft("Night"), "UTC", List.of(new ShiftInput(DayOfWeek.TUESDAY, "22:00", "02:00"))));
    MatchCriteria wednesdayAt1 = new MatchCriteria("en", "anxiety", AgeGroup.ADULT, RiskLevel.HIGH, Set.of(),
        Instant.parse("2025-03-05T01:00:00Z"));
    MatchCriteria wednesdayAt2 = new MatchCriteria("en", "anxiety", AgeGroup.ADULT, RiskLevel.HIGH, Set.of(),
        Instant.parse("2025-03-05T02:00:00Z"));

    assertThat(propose(wednesdayAt1)).isEqualTo(night);
    assertThat(matcher.proposeFor(wednesdayAt2)).isEmpty();
  }

  @Test
  void proposesTheLeastLoadedByShareOfCapacity() {
    UUID halfOfTen = data.create(withMaxCases(draft("Half of ten"), 10));
    UUID oneOfTwo = data.create(withMaxCases(draft("One of two"), 2));
    UUID twoOfTen = data.create(withMaxCases(draft("Two of ten"), 10));
    data.load(halfOfTen, 5, null);
    data.load(oneOfTwo, 1, null);
    data.load(twoOfTen, 2, null);

    Proposal proposal = matcher.proposeFor(criteria("en", "anxiety", AgeGroup.ADULT)).orElseThrow();

    // 2/10 first; 1/2 and 5/10 share the same ratio, and then fewer cases go first.
    assertThat(proposal.specialist().specialistId()).isEqualTo(twoOfTen);
    assertThat(proposal.specialist().activeCases()).isEqualTo(2);
    assertThat(proposal.specialist().maxCases()).isEqualTo(10);
    assertThat(proposal.alternatives()).extracting(Candidate::specialistId).containsExactly(oneOfTwo, halfOfTen);
  }

  @Test
  void breaksTiesByWhoWasAssignedLeastRecentlyThenById() {
    UUID recently = data.create(draft("Recently"));
    UUID longAgo = data.create(draft("Long ago"));
    UUID neverA = data.create(draft("Never A"));
    UUID neverB = data.create(draft("Never B"));
    data.load(recently, 1, WEDNESDAY_10_UTC.minusSeconds(60));
    data.load(longAgo, 1, WEDNESDAY_10_UTC.minusSeconds(86_400));
    data.load(neverA, 1, null);
    data.load(neverB, 1, null);
    // The database orders uuids by their bytes, as their text sorts (not as UUID.compareTo).
    List<UUID> never = List.of(neverA, neverB).stream().sorted(Comparator.comparing(UUID::toString)).toList();

    List<Candidate> ranked = matcher.rank(criteria("en", "anxiety", AgeGroup.ADULT), 10);

    assertThat(ranked).extracting(Candidate::specialistId).containsExactly(never.get(0), never.get(1), longAgo, recently);
  }

  @Test
  void leavesOutExcludedSpecialists() {
    UUID declined = data.create(draft("Declined"));
    UUID timedOut = data.create(draft("Timed out"));
    UUID next = data.create(draft("Next"));
    data.load(next, 3, null);
    MatchCriteria criteria = criteria("en", "anxiety", AgeGroup.ADULT);

    assertThat(propose(criteria.excluding(Set.of(declined)))).isEqualTo(timedOut);
    assertThat(propose(criteria.excluding(Set.of(declined, timedOut)))).isEqualTo(next);
    assertThat(matcher.proposeFor(criteria.excluding(Set.of(declined, timedOut, next)))).isEmpty();
  }

  @Test
  void offersAtMostTheConfiguredNumberOfAlternatives() {
    for (int i = 0; i < 6; i++) {
      data.create(draft("Specialist " + i));
    }

    assertThat(matcher.proposeFor(criteria("en", "anxiety", AgeGroup.ADULT)).orElseThrow().alternatives()).hasSize(3);
  }
}
