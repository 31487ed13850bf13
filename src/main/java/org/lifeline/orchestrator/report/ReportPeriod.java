package org.lifeline.orchestrator.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The requests a report is about: those received from the first day to the last, both included (UTC days), divided
 * into groups of {@link Grouping}.
 *
 * @param from the first day
 * @param to the last day (included)
 */
public record ReportPeriod(LocalDate from, LocalDate to, Grouping groupBy) {

  /** The longest period: two years, so a year can be compared with the one before. */
  public static final int MAX_DAYS = 732;

  /** The period shown when none is given: the last 30 days. */
  static final int DEFAULT_DAYS = 30;

  /**
   * Reads a period from request parameters; each may be missing. Without {@code to}: today; without {@code from}: 30
   * days up to {@code to}; without {@code groupBy}: days for up to 31 days, weeks up to 26 weeks, months beyond.
   *
   * @throws ErrorResponseException 400 naming every parameter that is wrong
   */
  public static ReportPeriod parse(String from, String to, String groupBy, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate last = date("to", to, today, problems);
    LocalDate first = date("from", from, last == null ? null : last.minusDays(DEFAULT_DAYS - 1), problems);
    Grouping grouping = null;
    if (groupBy != null && !groupBy.isBlank()) {
      grouping = Grouping.fromCode(groupBy.strip()).orElse(null);
      if (grouping == null) {
        problems.add(new FieldProblem("groupBy", "must be one of " + Grouping.codes()));
      }
    }
    if (first != null && last != null) {
      if (first.isAfter(last)) {
        problems.add(new FieldProblem("from", "must not be after to"));
      } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
        problems.add(new FieldProblem("to", "the period is at most " + MAX_DAYS + " days (two years)"));
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return new ReportPeriod(first, last, grouping != null ? grouping : defaultGrouping(first, last));
  }

  private static LocalDate date(String field, String value, LocalDate fallback, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException notADate) {
      problems.add(new FieldProblem(field, "must be a date such as 2026-03-01"));
      return null;
    }
  }

  private static Grouping defaultGrouping(LocalDate first, LocalDate last) {
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    return days <= 31 ? Grouping.DAY : days <= 26 * 7 ? Grouping.WEEK : Grouping.MONTH;
  }

  private static ErrorResponseException invalid(List<FieldProblem> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            String.join("; ", problems.stream().map(error -> error.field() + " " + error.message()).toList()));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** The groups of the period in order, the first and last cut to the period. */
  List<Group> groups() {
    List<Group> groups = new ArrayList<>();
    for (LocalDate start = groupBy.startOf(from); !start.isAfter(to); start = groupBy.next(start)) {
      LocalDate end = groupBy.next(start).minusDays(1);
      groups.add(new Group(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
    }
    return groups;
  }

  /** One group of days, both included. */
  record Group(LocalDate from, LocalDate to) {}

  /** A parameter that is wrong and why, as every API error names it. */
  public record FieldProblem(String field, String message) {}
}
