package org.lifeline.orchestrator.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a report's period is divided: UTC days, ISO weeks (Monday to Sunday) or calendar months. */
public enum Grouping {
  DAY("received_day"),
  WEEK("received_week"),
  MONTH("received_month");

  private final String column;

  Grouping(String column) {
    this.column = column;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Grouping> fromCode(String code) {
    return Arrays.stream(values()).filter(grouping -> grouping.code().equals(code)).findFirst();
  }

  static String codes() {
    return Arrays.stream(values()).map(Grouping::code).collect(Collectors.joining(", "));
  }

  /** The fact column holding the first day of the group a request was received in. */
  String column() {
    return column;
  }

  /** The first day of the group that holds this day. */
  LocalDate startOf(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The first day of the next group. */
  LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }
}
