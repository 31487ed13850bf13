package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RotaTest {

  private final Rota rota =
      new Rota(
          "day.lead",
          "deputy",
          List.of(),
          "Europe/Kyiv",
          List.of(
              new Rota.Shift(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), "weekend.lead", null),
              new Rota.Shift(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), "night.lead", "night.deputy")));

  @Test
  void outsideEveryShiftTheDefaultsAreOnDutyAndAllMeansBoth() {
    // Wednesday 12:00 in Kyiv (UTC+2 in winter)
    OnDuty onDuty = rota.onDutyAt(Instant.parse("2026-12-02T10:00:00Z"));

    assertThat(onDuty).isEqualTo(new OnDuty("day.lead", "deputy", List.of("day.lead", "deputy")));
  }

  @Test
  void aShiftNamesItsPrimaryInTheRotasTimeZoneAndKeepsTheDefaultBackup() {
    assertThat(rota.onDutyAt(Instant.parse("2026-12-05T07:00:00Z")).primary()).isEqualTo("weekend.lead"); // Sat 09:00
    assertThat(rota.onDutyAt(Instant.parse("2026-12-05T07:00:00Z")).backup()).isEqualTo("deputy");
    assertThat(rota.onDutyAt(Instant.parse("2026-12-05T06:59:00Z")).primary()).isEqualTo("day.lead"); // Sat 08:59
    assertThat(rota.onDutyAt(Instant.parse("2026-12-05T16:00:00Z")).primary()).isEqualTo("day.lead"); // Sat 18:00
  }

  @Test
  void aShiftEndingBeforeItStartsRunsPastMidnightIntoTheNextDay() {
    assertThat(rota.onDutyAt(Instant.parse("2026-12-04T20:00:00Z")))
        .isEqualTo(new OnDuty("night.lead", "night.deputy", List.of("night.lead", "night.deputy"))); // Fri 22:00
    assertThat(rota.onDutyAt(Instant.parse("2026-12-05T03:59:00Z")).primary()).isEqualTo("night.lead"); // Sat 05:59
    assertThat(rota.onDutyAt(Instant.parse("2026-12-05T04:00:00Z")).primary()).isEqualTo("day.lead"); // Sat 06:00
    assertThat(rota.onDutyAt(Instant.parse("2026-12-03T21:00:00Z")).primary()).isEqualTo("day.lead"); // Thu 23:00
  }

  @Test
  void anExplicitAllListIsUsedAsItIs() {
    Rota listed = new Rota("a", null, List.of("a", "b", "c"), null, null);

    assertThat(listed.onDutyAt(Instant.parse("2026-12-02T10:00:00Z"))).isEqualTo(new OnDuty("a", null, List.of("a", "b", "c")));
    assertThat(new Rota("a", null, null, null, null).onDutyAt(Instant.EPOCH).all()).containsExactly("a");
  }
}
