package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.questionnaire.AnswerOption;
import org.lifeline.orchestrator.questionnaire.QuestionnaireDefinitionLoader;

/** The pure rules behind matching: age groups, shift windows, the availability notation, topics. */
class AssignmentRulesTest {

  @Test
  void ageGroupsCoverEveryAdultAge() {
    assertThat(AgeGroup.of(18)).isEqualTo(AgeGroup.YOUNG_ADULT);
    assertThat(AgeGroup.of(24)).isEqualTo(AgeGroup.YOUNG_ADULT);
    assertThat(AgeGroup.of(25)).isEqualTo(AgeGroup.ADULT);
    assertThat(AgeGroup.of(64)).isEqualTo(AgeGroup.ADULT);
    assertThat(AgeGroup.of(65)).isEqualTo(AgeGroup.SENIOR);
    assertThat(AgeGroup.of(120)).isEqualTo(AgeGroup.SENIOR);
    assertThatThrownBy(() -> AgeGroup.of(17)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aShiftOverMidnightIsStoredAsTwoWindows() {
    assertThat(new ShiftInput(DayOfWeek.MONDAY, "09:00", "17:30").windows())
        .containsExactly(new ShiftWindow(1, 540, 1050));
    assertThat(new ShiftInput(DayOfWeek.SUNDAY, "22:00", "02:00").windows())
        .containsExactly(new ShiftWindow(7, 1320, 1440), new ShiftWindow(1, 0, 120));
    assertThat(new ShiftInput(DayOfWeek.FRIDAY, "20:00", "24:00").windows())
        .containsExactly(new ShiftWindow(5, 1200, 1440));
    assertThat(new ShiftInput(DayOfWeek.FRIDAY, "20:00", "00:00").windows())
        .containsExactly(new ShiftWindow(5, 1200, 1440));
    assertThat(new ShiftInput(DayOfWeek.TUESDAY, "00:00", "00:00").windows())
        .as("equal times: 24 hours")
        .containsExactly(new ShiftWindow(2, 0, 1440));
    assertThat(new ShiftInput(DayOfWeek.TUESDAY, "08:00", "08:00").windows())
        .containsExactly(new ShiftWindow(2, 480, 1440), new ShiftWindow(3, 0, 480));
  }

  @Test
  void theAvailabilityNotationReadsDaysRangesAndTimes() {
    assertThat(AvailabilityNotation.parse("Mon-Wed 9:00-17:00; ; sat 22:00 - 02:00"))
        .containsExactly(
            new ShiftInput(DayOfWeek.MONDAY, "09:00", "17:00"),
            new ShiftInput(DayOfWeek.TUESDAY, "09:00", "17:00"),
            new ShiftInput(DayOfWeek.WEDNESDAY, "09:00", "17:00"),
            new ShiftInput(DayOfWeek.SATURDAY, "22:00", "02:00"));
    assertThat(AvailabilityNotation.parse("fri-mon 10:00-11:00"))
        .extracting(ShiftInput::day)
        .containsExactly(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThatThrownBy(() -> AvailabilityNotation.parse("weekdays 09:00-17:00"))
        .hasMessage("'weekdays 09:00-17:00' is not a shift like 'mon-fri 09:00-17:00' (days mon..sun, times HH:mm)");
    assertThatThrownBy(() -> AvailabilityNotation.parse("mon-fre 09:00-17:00"))
        .hasMessage("'fre' is not a day (mon, tue, wed, thu, fri, sat, sun)");
  }

  @Test
  void topicsAreTheQuestionnairesTopicOptions() {
    var options =
        new QuestionnaireDefinitionLoader().loadShipped().question("topic").orElseThrow().options().stream()
            .map(AnswerOption::value)
            .collect(Collectors.toSet());

    assertThat(Topics.ALL).isEqualTo(options);
    assertThat(Topics.PATTERN.split("\\|")).containsExactlyInAnyOrderElementsOf(options);
  }
}
