package org.lifeline.orchestrator.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lifeline.orchestrator.assignment.AgeGroup;
import org.lifeline.orchestrator.assignment.Topics;
import org.lifeline.orchestrator.care.CaseOutcomes;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.escalation.EscalationOutcome;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a {@link Summary} from the facts in the database: counts, shares and percentiles are aggregates of
 * {@code report_request} (and {@code escalation} for review times), grouped and ordered by the database; only the
 * rows of small groupings come back to be arranged. Percentiles are {@code percentile_cont}, which H2 and PostgreSQL
 * both compute.
 */
@Service
class ReportSummaries {

  static final String IN_PERIOD = "received_day >= :from and received_day <= :to";
  private static final String FACTS_IN_PERIOD = "from report_request where " + IN_PERIOD;

  private final NamedParameterJdbcTemplate jdbc;

  ReportSummaries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Summary summarise(ReportPeriod period, Instant asOf) {
    MapSqlParameterSource params = new MapSqlParameterSource("from", period.from()).addValue("to", period.to());
    Breakdown breakdown = new Breakdown();
    jdbc.query(
        """
        select channel, language, topic, age_group, risk_level, status, furthest_stage, case_outcome,
               count(*) as requests
        %s
        group by channel, language, topic, age_group, risk_level, status, furthest_stage, case_outcome
        """
            .formatted(FACTS_IN_PERIOD),
        params,
        breakdown::add);
    Map<String, Object> totals = jdbc.queryForMap(totalsQuery(), params);

    List<Summary.Stage> funnel =
        Stages.WORKING.stream()
            .map(
                stage ->
                    new Summary.Stage(
                        stage,
                        number(totals.get("reached_" + stage)),
                        breakdown.openIn.getOrDefault(stage, 0L),
                        breakdown.endedIn.getOrDefault(stage, Map.of()).values().stream().mapToLong(Long::longValue).sum(),
                        zeroFilled(names(finalStatusesButClosedLast()), breakdown.endedIn.getOrDefault(stage, Map.of()))))
            .toList();
    long feedbackAsked = number(totals.get("feedback_asked"));
    long feedbackAnswered = number(totals.get("feedback_answered"));
    return new Summary(
        new Summary.Period(period.from(), period.to(), period.groupBy().code(), "UTC"),
        asOf,
        new Summary.Requests(
            breakdown.total,
            breakdown.open,
            zeroFilled(Arrays.stream(Channel.values()).map(Channel::code).toList(), breakdown.byChannel),
            byCountThenUnknown(breakdown.byLanguage),
            zeroFilled(topics(), breakdown.byTopic),
            zeroFilled(ageGroups(), breakdown.byAgeGroup),
            zeroFilled(names(RiskLevel.values()), breakdown.byRiskLevel),
            zeroFilled(names(RequestStatus.values()), breakdown.byStatus)),
        funnel,
        breakdown.completed,
        Arrays.stream(Wait.values())
            .map(
                wait ->
                    new Summary.Wait(
                        wait.figure(),
                        number(totals.get(wait.figure() + "_requests")),
                        seconds(totals.get(wait.figure() + "_p50")),
                        seconds(totals.get(wait.figure() + "_p90"))))
            .toList(),
        new Summary.Qualification(
            breakdown.byStatus.getOrDefault(RequestStatus.REDIRECTED_MINOR.name(), 0L),
            number(totals.get("reviews")),
            number(totals.get("reviews_accepted")),
            breakdown.byStatus.getOrDefault(RequestStatus.REJECTED.name(), 0L),
            breakdown.byStatus.getOrDefault(RequestStatus.CURATOR_REVIEW.name(), 0L)),
        new Summary.Questionnaire(
            number(totals.get("reached_" + RequestStatus.QUESTIONNAIRE.stage())),
            number(totals.get("questionnaires_completed")),
            breakdown.byStatus.getOrDefault(RequestStatus.ABANDONED.name(), 0L),
            breakdown.byStatus.getOrDefault(RequestStatus.QUESTIONNAIRE.name(), 0L)),
        escalations(params),
        zeroFilled(Arrays.asList(CaseOutcomes.PATTERN.split("\\|")), breakdown.byOutcome),
        new Summary.Feedback(
            feedbackAsked,
            feedbackAnswered,
            feedbackAsked == 0 ? null : round((double) feedbackAnswered / feedbackAsked, 2),
            feedbackAnswered == 0 ? null : round((double) number(totals.get("rating_sum")) / feedbackAnswered, 2)),
        groups(period, params));
  }

  /** One row: how many reached each stage, curator reviews, completed questionnaires, feedback and every wait. */
  private static String totalsQuery() {
    StringBuilder select = new StringBuilder("select count(*) as total");
    for (String stage : Stages.WORKING) {
      String reached =
          Stages.statusesOf(stage).stream()
              .map(status -> ReportFacts.firstAt(status) + " is not null")
              .collect(Collectors.joining(" or "));
      select.append(",\n count(case when ").append(reached).append(" then 1 end) as reached_").append(stage);
    }
    select.append(
        """
        ,
         count(curator_review_at) as reviews,
         count(case when curator_review_at is not null and questionnaire_at is not null then 1 end) as reviews_accepted,
         count(case when questionnaire_at is not null and awaiting_assignment_at is not null then 1 end)
           as questionnaires_completed,
         count(feedback_asked_at) as feedback_asked,
         count(rating) as feedback_answered,
         coalesce(sum(rating), 0) as rating_sum""");
    for (Wait wait : Wait.values()) {
      select
          .append(",\n count(").append(wait.column()).append(") as ").append(wait.figure()).append("_requests")
          .append(",\n ").append(percentile(0.5, wait.seconds())).append(" as ").append(wait.figure()).append("_p50")
          .append(",\n ").append(percentile(0.9, wait.seconds())).append(" as ").append(wait.figure()).append("_p90");
    }
    return select.append("\n").append(FACTS_IN_PERIOD).toString();
  }

  private Summary.Escalations escalations(MapSqlParameterSource params) {
    String reviewSeconds =
        "case when x.outcome is not null then extract(epoch from x.closed_at) - extract(epoch from x.opened_at) end";
    String ofPeriod = "from escalation x join report_request f on f.request_id = x.request_id where f." + IN_PERIOD;
    Map<String, Object> row =
        jdbc.queryForMap(
            """
            select count(*) as escalations,
                   count(x.outcome) as reviewed,
                   count(case when x.closed_at is null then 1 end) as still_open,
                   count(case when x.closed_at is not null and x.outcome is null then 1 end) as re_driven,
                   count(case when x.outcome is not null
                               and (x.backup_notified_at is null or x.closed_at < x.backup_notified_at) then 1 end)
                     as within_first_step,
                   %s as review_p50,
                   %s as review_p90
            %s
            """
                .formatted(percentile(0.5, reviewSeconds), percentile(0.9, reviewSeconds), ofPeriod),
            params);
    Map<String, Long> byOutcome = new HashMap<>();
    jdbc.query(
        "select x.outcome, count(*) as escalations " + ofPeriod + " and x.outcome is not null group by x.outcome",
        params,
        outcome -> {
          byOutcome.put(outcome.getString("outcome"), outcome.getLong("escalations"));
        });
    long reviewed = number(row.get("reviewed"));
    long withinFirstStep = number(row.get("within_first_step"));
    return new Summary.Escalations(
        number(row.get("escalations")),
        reviewed,
        number(row.get("still_open")),
        number(row.get("re_driven")),
        seconds(row.get("review_p50")),
        seconds(row.get("review_p90")),
        withinFirstStep,
        reviewed == 0 ? null : round((double) withinFirstStep / reviewed, 2),
        zeroFilled(Arrays.stream(EscalationOutcome.values()).map(EscalationOutcome::code).toList(), byOutcome));
  }

  private List<Summary.Group> groups(ReportPeriod period, MapSqlParameterSource params) {
    String column = period.groupBy().column();
    StringBuilder select = new StringBuilder("select " + column + " as first_day, count(*) as received");
    for (RequestStatus status : RequestStatus.FINAL) {
      select.append(",\n count(case when status = '").append(status.name()).append("' then 1 end) as ").append(status.name());
    }
    select.append(",\n coalesce(sum(escalations), 0) as escalations");
    for (Wait wait : Wait.values()) {
      select.append(",\n ").append(percentile(0.5, wait.seconds())).append(" as ").append(wait.figure());
    }
    select.append("\n").append(FACTS_IN_PERIOD).append("\ngroup by ").append(column);
    Map<LocalDate, Summary.Group> found = new HashMap<>();
    jdbc.query(
        select.toString(),
        params,
        row -> {
          LocalDate first = row.getObject("first_day", LocalDate.class);
          Map<String, Long> ended = new LinkedHashMap<>();
          long endedCount = 0;
          for (RequestStatus status : finalStatusesButClosedLast()) {
            long count = row.getLong(status.name());
            ended.put(status.name(), count);
            endedCount += count;
          }
          Map<String, Double> waits = new LinkedHashMap<>();
          for (Wait wait : Wait.values()) {
            waits.put(wait.figure(), seconds(row.getObject(wait.figure())));
          }
          long received = row.getLong("received");
          found.put(
              first,
              new Summary.Group(first, first, received, received - endedCount, ended, row.getLong("escalations"), waits));
        });
    return period.groups().stream()
        .map(
            group -> {
              Summary.Group figures = found.get(period.groupBy().startOf(group.from()));
              return figures == null
                  ? emptyGroup(group)
                  : new Summary.Group(
                      group.from(),
                      group.to(),
                      figures.received(),
                      figures.open(),
                      figures.byFinalStatus(),
                      figures.escalations(),
                      figures.waitP50Seconds());
            })
        .toList();
  }

  private static Summary.Group emptyGroup(ReportPeriod.Group group) {
    Map<String, Double> waits = new LinkedHashMap<>();
    Arrays.stream(Wait.values()).forEach(wait -> waits.put(wait.figure(), null));
    return new Summary.Group(
        group.from(), group.to(), 0, 0, zeroFilled(names(finalStatusesButClosedLast()), Map.of()), 0, waits);
  }

  private static String percentile(double fraction, String expression) {
    return "percentile_cont(" + fraction + ") within group (order by " + expression + ")";
  }

  /** The final statuses in the order of the lifecycle, CLOSED (the end of completed help) last. */
  static List<RequestStatus> finalStatusesButClosedLast() {
    return Stream.concat(
            Arrays.stream(RequestStatus.values()).filter(status -> status.isFinal() && status != RequestStatus.CLOSED),
            Stream.of(RequestStatus.CLOSED))
        .toList();
  }

  private static List<String> topics() {
    return Stream.concat(
            Topics.ALL.stream().filter(topic -> !topic.equals(Topics.OTHER)).sorted(),
            Stream.of(Topics.OTHER, ReportFacts.UNKNOWN))
        .toList();
  }

  private static List<String> ageGroups() {
    return Stream.concat(
            Stream.of(ReportFacts.MINOR),
            Stream.concat(
                Arrays.stream(AgeGroup.values()).map(ReportFacts::codeOf),
                Stream.of(ReportFacts.UNKNOWN)))
        .toList();
  }

  private static <E extends Enum<E>> List<String> names(E[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static <E extends Enum<E>> List<String> names(List<E> values) {
    return values.stream().map(Enum::name).toList();
  }

  /** Every known code in order (0 when none); nothing that is not one of the codes. */
  private static Map<String, Long> zeroFilled(List<String> keys, Map<String, Long> counts) {
    Map<String, Long> filled = new LinkedHashMap<>();
    keys.forEach(key -> filled.put(key, counts.getOrDefault(key, 0L)));
    return filled;
  }

  private static Map<String, Long> byCountThenUnknown(Map<String, Long> counts) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    counts.entrySet().stream()
        .filter(entry -> !entry.getKey().equals(ReportFacts.UNKNOWN))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
    ordered.put(ReportFacts.UNKNOWN, counts.getOrDefault(ReportFacts.UNKNOWN, 0L));
    return ordered;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Double seconds(Object value) {
    return value == null ? null : round(((Number) value).doubleValue(), 1);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** The rows of the grouped query, summed up by each of its columns and arranged into the funnel. */
  private static final class Breakdown {

    long total;
    long open;
    long completed;
    final Map<String, Long> byChannel = new HashMap<>();
    final Map<String, Long> byLanguage = new HashMap<>();
    final Map<String, Long> byTopic = new HashMap<>();
    final Map<String, Long> byAgeGroup = new HashMap<>();
    final Map<String, Long> byRiskLevel = new HashMap<>();
    final Map<String, Long> byStatus = new HashMap<>();
    final Map<String, Long> byOutcome = new HashMap<>();
    final Map<String, Long> openIn = new HashMap<>();
    final Map<String, Map<String, Long>> endedIn = new HashMap<>();

    void add(ResultSet row) throws SQLException {
      long requests = row.getLong("requests");
      RequestStatus status = RequestStatus.valueOf(row.getString("status"));
      String furthest = row.getString("furthest_stage");
      total += requests;
      byChannel.merge(row.getString("channel"), requests, Long::sum);
      byLanguage.merge(orUnknown(row.getString("language")), requests, Long::sum);
      byTopic.merge(orUnknown(row.getString("topic")), requests, Long::sum);
      byAgeGroup.merge(row.getString("age_group"), requests, Long::sum);
      byRiskLevel.merge(row.getString("risk_level"), requests, Long::sum);
      byStatus.merge(status.name(), requests, Long::sum);
      if (row.getString("case_outcome") != null) {
        byOutcome.merge(row.getString("case_outcome"), requests, Long::sum);
      }
      if (!status.isFinal()) {
        open += requests;
        openIn.merge(status.stage(), requests, Long::sum);
      } else if (status == RequestStatus.CLOSED
          && Stages.order(furthest) >= Stages.order(RequestStatus.IN_PROGRESS.stage())) {
        completed += requests;
      } else {
        endedIn.computeIfAbsent(furthest, stage -> new HashMap<>()).merge(status.name(), requests, Long::sum);
      }
    }

    private static String orUnknown(String value) {
      return value == null ? ReportFacts.UNKNOWN : value;
    }
  }
}
