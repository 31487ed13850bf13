package org.lifeline.orchestrator.board;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Which requests the board lists, from the parameters of {@code GET /api/v1/requests}.
 *
 * @param statuses the statuses to list (status and stage both narrow it; neither: every open status)
 * @param riskLevels the risk levels to list; empty: any
 * @param waitingLongerThan only requests that entered their status at least this long ago; null: any
 * @param page the page, from 0
 * @param size requests per page
 */
public record BoardFilter(
    Set<RequestStatus> statuses, Set<RiskLevel> riskLevels, Duration waitingLongerThan, int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** The stages of the lifecycle, in order, each with its statuses. */
  static final Map<String, Set<RequestStatus>> STAGES =
      Arrays.stream(RequestStatus.values())
          .collect(
              Collectors.groupingBy(
                  RequestStatus::stage,
                  LinkedHashMap::new,
                  Collectors.toCollection(() -> EnumSet.noneOf(RequestStatus.class))));

  public BoardFilter {
    statuses = Set.copyOf(statuses);
    riskLevels = Set.copyOf(riskLevels);
  }

  /** Every open request of these statuses, first page of {@code size}. */
  static BoardFilter ofStatuses(Set<RequestStatus> statuses, int size) {
    return new BoardFilter(statuses, Set.of(), null, 0, size);
  }

  /** The open statuses (not final), the board's default. */
  static Set<RequestStatus> openStatuses() {
    return EnumSet.complementOf(EnumSet.copyOf(RequestStatus.FINAL));
  }

  /**
   * Reads the filter from request parameters; each may be missing, and those that take several values take them
   * repeated or comma-separated ({@code status=ASSIGNED,IN_PROGRESS}). Names are matched without regard to case.
   *
   * @throws ErrorResponseException 400 naming every parameter that is wrong
   */
  public static BoardFilter parse(
      List<String> status, List<String> stage, List<String> riskLevel, String waitingLongerThan, String page, String size) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<RequestStatus> statuses = names("status", status, RequestStatus.class, problems);
    Set<RiskLevel> risks = names("riskLevel", riskLevel, RiskLevel.class, problems);
    Set<RequestStatus> ofStages = stages(stage, problems);
    Duration waiting = duration(waitingLongerThan, problems);
    int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, "must be a whole number from 0", problems);
    int pageSize =
        number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, "must be a whole number from 1 to " + MAX_SIZE, problems);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    Set<RequestStatus> listed = EnumSet.copyOf(statuses.isEmpty() && ofStages == null ? openStatuses() : all());
    if (!statuses.isEmpty()) {
      listed.retainAll(statuses);
    }
    if (ofStages != null) {
      listed.retainAll(ofStages);
    }
    return new BoardFilter(listed, risks, waiting, pageNumber, pageSize);
  }

  private static Set<RequestStatus> all() {
    return EnumSet.allOf(RequestStatus.class);
  }

  private static <E extends Enum<E>> Set<E> names(
      String field, List<String> values, Class<E> type, List<FieldProblem> problems) {
    Set<E> found = new LinkedHashSet<>();
    for (String value : split(values)) {
      try {
        found.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        problems.add(
            new FieldProblem(
                field,
                "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return Set.of();
      }
    }
    return found;
  }

  /** The statuses of the stages named; null when no stage is named. */
  private static Set<RequestStatus> stages(List<String> values, List<FieldProblem> problems) {
    List<String> named = split(values);
    if (named.isEmpty()) {
      return null;
    }
    Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
    for (String stage : named) {
      Set<RequestStatus> ofStage = STAGES.get(stage.toLowerCase(Locale.ROOT));
      if (ofStage == null) {
        problems.add(new FieldProblem("stage", "must be one of " + String.join(", ", STAGES.keySet())));
        return null;
      }
      statuses.addAll(ofStage);
    }
    return statuses;
  }

  private static Duration duration(String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Duration duration = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      if (duration.isNegative()) {
        problems.add(new FieldProblem("waitingLongerThan", "must not be negative"));
        return null;
      }
      return duration;
    } catch (DateTimeParseException notADuration) {
      problems.add(new FieldProblem("waitingLongerThan", "must be an ISO-8601 duration such as PT30M, PT2H or P1D"));
      return null;
    }
  }

  private static int number(
      String field, String value, int fallback, int min, int max, String message, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    problems.add(new FieldProblem(field, message));
    return fallback;
  }

  private static List<String> split(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  private static ErrorResponseException invalid(List<FieldProblem> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            problems.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** A parameter that is wrong and why, as every API error names it. */
  public record FieldProblem(String field, String message) {}
}
