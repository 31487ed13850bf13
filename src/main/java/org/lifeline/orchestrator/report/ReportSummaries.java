package org.lifeline.orchestrator.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Computes a {@link Summary} from the facts in the database: one pass over the period's rows of {@code report_request}
 * (one row per request, codes and numbers, read as one range of row keys) adds up every count,
 * the funnel, the groups and the waits; the waits' percentiles follow {@code percentile_cont}'s definition. Review
 * times of escalations are aggregated by the database ({@code percentile_cont}, which H2 and PostgreSQL both have), over
 * the few escalation rows. Why one pass: on H2, a single SQL aggregate with percentiles over 100,000 rows costs more
 * than reading the rows once (docs/performance.md).
 */
@Service
class ReportSummaries {

  /** The rows of the requests received in the period: one range of row keys (see {@code report_request.row_key}). */
  static final String IN_PERIOD = "row_key >= :firstKey and row_key < :endKey";

  private final NamedParameterJdbcTemplate jdbc;

  ReportSummaries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Summary summarise(ReportPeriod period, Instant asOf) {
    MapSqlParameterSource params = parametersOf(period);
    Tally tally = new Tally();
    jdbc.query(
        """
        select %s as first_day, channel, language, topic, age_group, risk_level, status, furthest_stage, case_outcome,
               reached, case when feedback_asked_at is null then 0 else 1 end as feedback_asked, rating, escalations, %s
        from report_request where %s
        """
            .formatted(
                period.groupBy().column(),
                String.join(", ", Arrays.stream(Wait.values()).map(Wait::secondsColumn).toList()),
                IN_PERIOD),
        params,
        tally::add);
    return new Summary(
        new Summary.Period(period.from(), period.to(), period.groupBy().code(), "UTC"),
        asOf,
        new Summary.Requests(
            tally.total,
            tally.open,
            zeroFilled(Arrays.stream(Channel.values()).map(Channel::code).toList(), tally.byChannel),
            byCountThenUnknown(tally.byLanguage),
            zeroFilled(topics(), tally.byTopic),
            zeroFilled(ageGroups(), tally.byAgeGroup),
            zeroFilled(names(List.of(RiskLevel.values())), tally.byRiskLevel),
            zeroFilled(names(List.of(RequestStatus.values())), tally.byStatus)),
        Stages.WORKING.stream()
            .map(
                stage -> {
                  Map<String, Long> ended = tally.endedIn.getOrDefault(stage, Map.of());
                  return new Summary.Stage(
                      stage,
                      tally.reachedStage.getOrDefault(stage, 0L),
                      tally.openIn.getOrDefault(stage, 0L),
                      ended.values().stream().mapToLong(Long::longValue).sum(),
                      zeroFilled(names(finalStatusesButClosedLast()), ended));
                })
            .toList(),
        tally.completed,
        Arrays.stream(Wait.values())
            .map(
                wait -> {
                  Durations waits = tally.waits.get(wait);
                  return new Summary.Wait(
                      wait.figure(), waits.count(), seconds(waits.percentile(0.5)), seconds(waits.percentile(0.9)));
                })
            .toList(),
        new Summary.Qualification(
            tally.byStatus.getOrDefault(RequestStatus.REDIRECTED_MINOR.name(), 0L),
            tally.reviews,
            tally.reviewsAccepted,
            tally.byStatus.getOrDefault(RequestStatus.REJECTED.name(), 0L),
            tally.byStatus.getOrDefault(RequestStatus.CURATOR_REVIEW.name(), 0L)),
        new Summary.Questionnaire(
            tally.reachedStage.getOrDefault(RequestStatus.QUESTIONNAIRE.stage(), 0L),
            tally.questionnairesCompleted,
            tally.byStatus.getOrDefault(RequestStatus.ABANDONED.name(), 0L),
            tally.byStatus.getOrDefault(RequestStatus.QUESTIONNAIRE.name(), 0L)),
        escalations(params),
        zeroFilled(Arrays.asList(CaseOutcomes.PATTERN.split("\\|")), tally.byOutcome),
        new Summary.Feedback(
            tally.feedbackAsked,
            tally.feedbackAnswered,
            tally.feedbackAsked == 0 ? null : round((double) tally.feedbackAnswered / tally.feedbackAsked, 2),
            tally.feedbackAnswered == 0 ? null : round((double) tally.ratingSum / tally.feedbackAnswered, 2)),
        groups(period, tally));
  }

  /** The parameters of {@link #IN_PERIOD}. */
  static MapSqlParameterSource parametersOf(ReportPeriod period) {
    return new MapSqlParameterSource("firstKey", ReportFacts.firstKeyOf(period.from()))
        .addValue("endKey", ReportFacts.firstKeyOf(period.to().plusDays(1)));
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
                   percentile_cont(0.5) within group (order by %1$s) as review_p50,
                   percentile_cont(0.9) within group (order by %1$s) as review_p90
            %2$s
            """
                .formatted(reviewSeconds, ofPeriod),
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

  /** Every group of the period in order, those without requests as zeros. */
  private static List<Summary.Group> groups(ReportPeriod period, Tally tally) {
    return period.groups().stream()
        .map(
            group -> {
              GroupTally found = tally.groups.getOrDefault(period.groupBy().startOf(group.from()), new GroupTally());
              Map<String, Double> waits = new LinkedHashMap<>();
              for (Wait wait : Wait.values()) {
                waits.put(wait.figure(), seconds(found.waits.get(wait).percentile(0.5)));
              }
              long ended = found.byFinalStatus.values().stream().mapToLong(Long::longValue).sum();
              return new Summary.Group(
                  group.from(),
                  group.to(),
                  found.received,
                  found.received - ended,
                  zeroFilled(names(finalStatusesButClosedLast()), found.byFinalStatus),
                  found.escalations,
                  waits);
            })
        .toList();
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
    return Stream.of(
            Stream.of(ReportFacts.MINOR),
            Arrays.stream(AgeGroup.values()).map(ReportFacts::codeOf),
            Stream.of(ReportFacts.UNKNOWN))
        .flatMap(groups -> groups)
        .toList();
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

  private static Map<Wait, Durations> noWaits() {
    Map<Wait, Durations> waits = new EnumMap<>(Wait.class);
    Arrays.stream(Wait.values()).forEach(wait -> waits.put(wait, new Durations()));
    return waits;
  }

  /** The figures of the period, added up request by request from the facts. */
  private static final class Tally {

    static final Map<String, Integer> STAGE_BITS = new LinkedHashMap<>();
    // The columns of the summary's query by position: a lookup by name per value is a measurable share of 100,000 rows.
    static final int FIRST_DAY = 1;
    static final int CHANNEL = 2;
    static final int LANGUAGE = 3;
    static final int TOPIC = 4;
    static final int AGE_GROUP = 5;
    static final int RISK_LEVEL = 6;
    static final int STATUS = 7;
    static final int FURTHEST_STAGE = 8;
    static final int CASE_OUTCOME = 9;
    static final int REACHED = 10;
    static final int FEEDBACK_ASKED = 11;
    static final int RATING = 12;
    static final int ESCALATIONS = 13;
    static final int FIRST_WAIT = 14;

    static {
      Stages.WORKING.forEach(stage -> STAGE_BITS.put(stage, Stages.bitsOf(stage)));
    }

    long total;
    long open;
    long completed;
    long reviews;
    long reviewsAccepted;
    long questionnairesCompleted;
    long feedbackAsked;
    long feedbackAnswered;
    long ratingSum;
    final Map<String, Long> byChannel = new HashMap<>();
    final Map<String, Long> byLanguage = new HashMap<>();
    final Map<String, Long> byTopic = new HashMap<>();
    final Map<String, Long> byAgeGroup = new HashMap<>();
    final Map<String, Long> byRiskLevel = new HashMap<>();
    final Map<String, Long> byStatus = new HashMap<>();
    final Map<String, Long> byOutcome = new HashMap<>();
    final Map<String, Long> reachedStage = new HashMap<>();
    final Map<String, Long> openIn = new HashMap<>();
    final Map<String, Map<String, Long>> endedIn = new HashMap<>();
    final Map<Wait, Durations> waits = noWaits();
    final Map<LocalDate, GroupTally> groups = new HashMap<>();

    void add(ResultSet row) throws SQLException {
      RequestStatus status = RequestStatus.valueOf(row.getString(STATUS));
      String furthest = row.getString(FURTHEST_STAGE);
      int reached = row.getInt(REACHED);
      GroupTally group = groups.computeIfAbsent(row.getObject(FIRST_DAY, LocalDate.class), day -> new GroupTally());
      total++;
      group.received++;
      count(byChannel, row.getString(CHANNEL));
      count(byLanguage, orUnknown(row.getString(LANGUAGE)));
      count(byTopic, orUnknown(row.getString(TOPIC)));
      count(byAgeGroup, row.getString(AGE_GROUP));
      count(byRiskLevel, row.getString(RISK_LEVEL));
      count(byStatus, status.name());
      String outcome = row.getString(CASE_OUTCOME);
      if (outcome != null) {
        count(byOutcome, outcome);
      }
      for (Map.Entry<String, Integer> stage : STAGE_BITS.entrySet()) {
        if ((reached & stage.getValue()) != 0) {
          count(reachedStage, stage.getKey());
        }
      }
      if (has(reached, RequestStatus.CURATOR_REVIEW)) {
        reviews++;
        reviewsAccepted += has(reached, RequestStatus.QUESTIONNAIRE) ? 1 : 0;
      }
      if (has(reached, RequestStatus.QUESTIONNAIRE) && has(reached, RequestStatus.AWAITING_ASSIGNMENT)) {
        questionnairesCompleted++;
      }
      if (!status.isFinal()) {
        open++;
        count(openIn, status.stage());
      } else {
        count(group.byFinalStatus, status.name());
        if (status == RequestStatus.CLOSED
            && Stages.order(furthest) >= Stages.order(RequestStatus.IN_PROGRESS.stage())) {
          completed++;
        } else {
          count(endedIn.computeIfAbsent(furthest, stage -> new HashMap<>()), status.name());
        }
      }
      feedbackAsked += row.getInt(FEEDBACK_ASKED);
      int rating = row.getInt(RATING);
      if (!row.wasNull()) {
        feedbackAnswered++;
        ratingSum += rating;
      }
      group.escalations += row.getInt(ESCALATIONS);
      for (Wait wait : Wait.values()) {
        long seconds = row.getLong(FIRST_WAIT + wait.ordinal());
        if (!row.wasNull()) {
          waits.get(wait).add(seconds);
          group.waits.get(wait).add(seconds);
        }
      }
    }

    private static boolean has(int reached, RequestStatus status) {
      return (reached & (1 << status.ordinal())) != 0;
    }

    private static void count(Map<String, Long> counts, String key) {
      counts.merge(key, 1L, Long::sum);
    }

    private static String orUnknown(String value) {
      return value == null ? ReportFacts.UNKNOWN : value;
    }
  }

  /** The figures of one group of days. */
  private static final class GroupTally {
    long received;
    long escalations;
    final Map<String, Long> byFinalStatus = new HashMap<>();
    final Map<Wait, Durations> waits = noWaits();
  }
}
