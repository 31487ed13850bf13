package org.lifeline.orchestrator.report;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.lifeline.orchestrator.assignment.AgeGroup;
import org.lifeline.orchestrator.assignment.Topics;
import org.lifeline.orchestrator.care.CaseOutcomes;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.platform.crypto.FieldEncryptor;
import org.lifeline.orchestrator.request.RequestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code report_request}, one row of facts per request, up to date with the request's own tables: its status,
 * risk level and stated age ({@code help_request}), when it first reached each status ({@code request_event}), its
 * topic and preferred language (closed questionnaire answers), the first staff reply (its time, never its text), the
 * case outcome, feedback and escalations. A refresh
 * rebuilds the rows of the requests changed since the last one, found through the timestamps each of those tables
 * keeps; it looks back {@code lifeline.reports.refresh-overlap} further, for transactions that committed after the
 * last refresh read. Refreshes run in the background only, one at a time (every {@code lifeline.reports.refresh-interval});
 * summaries and exports read the facts as of the last refresh and never wait for one, except for the very first build,
 * which they wait for at most {@code lifeline.reports.first-build-wait} (a small database's build takes less).
 */
@Service
public class ReportFacts {

  /** The questionnaire questions whose closed answers the facts keep (option values, never free text). */
  static final String TOPIC_QUESTION = "topic";

  static final String LANGUAGE_QUESTION = "language";
  static final String MINOR = "minor";
  static final String UNKNOWN = "unknown";

  private static final Logger log = LoggerFactory.getLogger(ReportFacts.class);
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2})?");
  /** Row keys per second of intake (2^20): see {@code report_request.row_key} (V16, V31). */
  private static final long KEYS_PER_SECOND = 1 << 20;

  private static final Pattern CASE_OUTCOME = Pattern.compile(CaseOutcomes.PATTERN);
  private static final int CHUNK = 500;
  private static final String STATUS_CHANGED = "STATUS_CHANGED";

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final FieldEncryptor encryptor;
  private final Clock clock;
  private final Duration overlap;
  private final Duration firstBuildWait;
  /** Runs the refreshes, one at a time, off the callers' threads. */
  private final ExecutorService refresher =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("report-facts").daemon().factory());

  private CompletableFuture<Instant> running = CompletableFuture.completedFuture(null);

  ReportFacts(
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      FieldEncryptor encryptor,
      Clock clock,
      @Value("${lifeline.reports.refresh-overlap:2m}") Duration overlap,
      @Value("${lifeline.reports.first-build-wait:3s}") Duration firstBuildWait) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.encryptor = encryptor;
    this.clock = clock;
    this.overlap = overlap;
    this.firstBuildWait = firstBuildWait;
  }

  /** The column of a status's first time, e.g. {@code assigned_at}; {@code received_at} for RECEIVED. */
  static String firstAt(RequestStatus status) {
    return status.name().toLowerCase(Locale.ROOT) + "_at";
  }

  @Scheduled(initialDelayString = "${lifeline.reports.refresh-interval:1m}", fixedDelayString = "${lifeline.reports.refresh-interval:1m}")
  void refreshOnSchedule() {
    try {
      refreshInBackground().join();
    } catch (CompletionException e) {
      log.warn("Report facts could not be refreshed; the next scheduled refresh tries again", e.getCause());
    }
  }

  /** Starts a refresh in the background unless one is running; either way, the refresh to wait for. */
  synchronized CompletableFuture<Instant> refreshInBackground() {
    if (running.isDone()) {
      running = CompletableFuture.supplyAsync(this::refresh, refresher);
    }
    return running;
  }

  @PreDestroy
  void stopRefreshing() {
    refresher.shutdownNow();
  }

  /**
   * When the facts a summary or an export reads were last refreshed. Before the first build it starts one in the
   * background and waits for it at most {@code lifeline.reports.first-build-wait}.
   *
   * @throws ReportsNotReady while the first build still runs
   */
  Instant asOfLastRefresh() {
    Instant asOf = lastRefresh();
    if (asOf != null) {
      return asOf;
    }
    try {
      return refreshInBackground().get(firstBuildWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException stillBuilding) {
      throw new ReportsNotReady();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ReportsNotReady();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof PessimisticLockingFailureException
          || failed.getCause() instanceof QueryTimeoutException) {
        // Another replica holds the facts' lock (H2 reports its lock timeout as a query timeout): it is building them.
        throw new ReportsNotReady();
      }
      throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed.getCause());
    }
  }

  /**
   * Brings the facts up to date, in a transaction of its own, on the caller's thread (the background refresher's, or a
   * test's).
   *
   * @return when this refresh started: the facts hold every change committed before then
   */
  public Instant refresh() {
    return transaction.execute(status -> refreshInTransaction());
  }

  private Instant refreshInTransaction() {
    MapSqlParameterSource none = new MapSqlParameterSource();
    OffsetDateTime asOf =
        jdbc.queryForObject(
            "select as_of from report_refresh where id = 'requests' for update",
            none,
            (row, number) -> row.getObject("as_of", OffsetDateTime.class));
    Instant started = clock.instant();
    List<UUID> changed = asOf == null ? allRequests() : changedSince(asOf.toInstant().minus(overlap));
    if (asOf != null && count("help_request") != count("report_request")) {
      // Requests written with times before the last refresh (a bulk load, a restore) have no facts yet.
      Set<UUID> missing = new LinkedHashSet<>(withoutFacts());
      missing.addAll(changed);
      changed = List.copyOf(missing);
    }
    long start = System.nanoTime();
    for (int from = 0; from < changed.size(); from += CHUNK) {
      rebuild(changed.subList(from, Math.min(from + CHUNK, changed.size())));
    }
    jdbc.update(
        "update report_refresh set as_of = :asOf where id = 'requests'",
        new MapSqlParameterSource("asOf", started.atOffset(ZoneOffset.UTC)));
    if (asOf == null || changed.size() > 10 * CHUNK) {
      log.info("Report facts of {} requests built in {} ms", changed.size(), Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    return started;
  }

  /** When the last refresh started: the facts hold every change committed before then; null before the first one. */
  public Instant lastRefresh() {
    OffsetDateTime asOf =
        jdbc.queryForObject(
            "select as_of from report_refresh where id = 'requests'",
            new MapSqlParameterSource(),
            (row, number) -> row.getObject("as_of", OffsetDateTime.class));
    return asOf == null ? null : asOf.toInstant();
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, new MapSqlParameterSource(), Long.class);
  }

  private List<UUID> withoutFacts() {
    return jdbc.queryForList(
        "select r.id from help_request r where not exists (select 1 from report_request f where f.request_id = r.id)",
        new MapSqlParameterSource(),
        UUID.class);
  }

  private List<UUID> allRequests() {
    return jdbc.queryForList("select id from help_request", new MapSqlParameterSource(), UUID.class);
  }

  private List<UUID> changedSince(Instant since) {
    return jdbc.queryForList(
        """
        select id from help_request where updated_at >= :since
        union select request_id from questionnaire_answer
              where answered_at >= :since and question_id in (:questions)
        union select request_id from care_closure where closed_at >= :since
        union select request_id from feedback_request where asked_at >= :since
        union select request_id from feedback_request where answered_at >= :since
        union select request_id from escalation where step_at >= :since
        union select request_id from conversation_message where kind = 'REPLY' and at >= :since
        """,
        new MapSqlParameterSource("since", since.atOffset(ZoneOffset.UTC))
            .addValue("questions", List.of(TOPIC_QUESTION, LANGUAGE_QUESTION)),
        UUID.class);
  }

  private void rebuild(List<UUID> ids) {
    MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
    Map<UUID, Fact> facts = new HashMap<>();
    jdbc.query(
        """
        select id, created_at, channel, language, status, risk_level, stated_age
        from help_request where id in (:ids)
        """,
        params,
        row -> {
          Fact fact = new Fact(row);
          facts.put(fact.requestId, fact);
        });
    jdbc.query(
        """
        select request_id, status, min(at) as first_at from request_event
        where request_id in (:ids) and type = :type and status is not null
        group by request_id, status
        """,
        new MapSqlParameterSource("ids", ids).addValue("type", STATUS_CHANGED),
        row -> {
          Fact fact = facts.get(row.getObject("request_id", UUID.class));
          fact.reached(RequestStatus.valueOf(row.getString("status")), instant(row, "first_at"));
        });
    jdbc.query(
        "select request_id, question_id, answer from questionnaire_answer where request_id in (:ids) and question_id in (:questions)",
        new MapSqlParameterSource("ids", ids).addValue("questions", List.of(TOPIC_QUESTION, LANGUAGE_QUESTION)),
        row -> {
          Fact fact = facts.get(row.getObject("request_id", UUID.class));
          fact.answered(row.getString("question_id"), encryptor.decrypt(row.getString("answer")));
        });
    jdbc.query(
        "select request_id, outcome, closed_at from care_closure where request_id in (:ids)",
        params,
        row -> {
          Fact fact = facts.get(row.getObject("request_id", UUID.class));
          fact.caseOutcome = outcomeOf(row.getString("outcome"));
          fact.caseClosedAt = instant(row, "closed_at");
        });
    jdbc.query(
        "select request_id, asked_at, answered_at, rating from feedback_request where request_id in (:ids)",
        params,
        row -> {
          Fact fact = facts.get(row.getObject("request_id", UUID.class));
          fact.feedbackAskedAt = instant(row, "asked_at");
          fact.feedbackAnsweredAt = instant(row, "answered_at");
          fact.rating = row.getObject("rating", Integer.class);
        });
    jdbc.query(
        """
        select request_id, min(at) as first_at from conversation_message
        where request_id in (:ids) and kind = 'REPLY' group by request_id
        """,
        params,
        row -> {
          facts.get(row.getObject("request_id", UUID.class)).firstReplyAt = instant(row, "first_at");
        });
    jdbc.query(
        "select request_id, count(*) as escalations from escalation where request_id in (:ids) group by request_id",
        params,
        row -> {
          facts.get(row.getObject("request_id", UUID.class)).escalations = row.getInt("escalations");
        });
    Map<UUID, Long> keys = new HashMap<>();
    jdbc.query(
        "select request_id, row_key from report_request where request_id in (:ids)",
        params,
        row -> {
          keys.put(row.getObject("request_id", UUID.class), row.getLong("row_key"));
        });
    jdbc.update("delete from report_request where request_id in (:ids)", params);
    jdbc.batchUpdate(
        INSERT,
        facts.values().stream().map(fact -> fact.parameters(keys.get(fact.requestId))).toArray(SqlParameterSource[]::new));
  }

  private static final List<RequestStatus> LATER_STATUSES =
      List.of(RequestStatus.values()).subList(1, RequestStatus.values().length);

  private static final String INSERT =
      """
      insert into report_request (request_id, received_at, received_day, received_week, received_month, channel,
        language, topic, age_group, status, risk_level, furthest_stage, reached, %s, first_reply_at, case_outcome,
        case_closed_at, feedback_asked_at, feedback_answered_at, rating, escalations, %s, row_key)
      values (:requestId, :receivedAt, :receivedDay, :receivedWeek, :receivedMonth, :channel, :language, :topic,
        :ageGroup, :status, :riskLevel, :furthestStage, :reached, %s, :firstReplyAt, :caseOutcome, :caseClosedAt,
        :feedbackAskedAt, :feedbackAnsweredAt, :rating, :escalations, %s,
        coalesce(cast(:rowKey as bigint),
          (select coalesce(max(row_key) + 1, cast(:firstKeyOfSecond as bigint)) from report_request
           where row_key >= cast(:firstKeyOfSecond as bigint) and row_key < cast(:firstKeyOfSecond as bigint) + %d)))
      """
          .formatted(
              String.join(", ", LATER_STATUSES.stream().map(ReportFacts::firstAt).toList()),
              String.join(", ", Arrays.stream(Wait.values()).map(Wait::secondsColumn).toList()),
              String.join(", ", LATER_STATUSES.stream().map(status -> ":" + firstAt(status)).toList()),
              String.join(", ", Arrays.stream(Wait.values()).map(wait -> ":" + wait.secondsColumn()).toList()),
              KEYS_PER_SECOND);

  /** The first row key of a day: rows of requests received from then on have this key or a higher one. */
  static long firstKeyOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * KEYS_PER_SECOND;
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** The age group of a stated age: {@link AgeGroup}'s for adults, {@value #MINOR} under 18. */
  static String ageGroupOf(Integer statedAge) {
    if (statedAge == null) {
      return UNKNOWN;
    }
    if (statedAge < 18) {
      return MINOR;
    }
    return codeOf(AgeGroup.of(statedAge));
  }

  /** An age group as reports name it, e.g. {@code young-adult}. */
  static String codeOf(AgeGroup group) {
    return group.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A topic only when it is one of the topic codes: whatever else the answer holds never reaches a report. */
  static String topicOf(String answer) {
    return answer != null && Topics.ALL.contains(answer) ? answer : null;
  }

  /** A case outcome only when it is one of the outcome codes. */
  static String outcomeOf(String outcome) {
    return outcome != null && CASE_OUTCOME.matcher(outcome).matches() ? outcome : null;
  }

  /** A language only when it is a language code such as {@code uk} or {@code ru-KZ}. */
  static String languageOf(String value) {
    return value != null && LANGUAGE_CODE.matcher(value).matches() ? value : null;
  }

  /** The facts of one request while they are assembled. */
  private static final class Fact {

    final UUID requestId;
    final Instant receivedAt;
    final String channel;
    final String intakeLanguage;
    final String status;
    final String riskLevel;
    final String ageGroup;
    final Map<RequestStatus, Instant> firstAt = new EnumMap<>(RequestStatus.class);
    String topic;
    String preferredLanguage;
    Instant firstReplyAt;
    String caseOutcome;
    Instant caseClosedAt;
    Instant feedbackAskedAt;
    Instant feedbackAnsweredAt;
    Integer rating;
    int escalations;

    Fact(ResultSet row) throws SQLException {
      requestId = row.getObject("id", UUID.class);
      receivedAt = instant(row, "created_at");
      channel = Channel.valueOf(row.getString("channel")).code();
      intakeLanguage = languageOf(row.getString("language"));
      status = row.getString("status");
      riskLevel = row.getString("risk_level");
      ageGroup = ageGroupOf(row.getObject("stated_age", Integer.class));
    }

    void reached(RequestStatus reached, Instant at) {
      firstAt.put(reached, at);
    }

    void answered(String questionId, String answer) {
      if (TOPIC_QUESTION.equals(questionId)) {
        topic = topicOf(answer);
      } else {
        preferredLanguage = languageOf(answer);
      }
    }

    /** The last stage of the work the request got to: its final status does not count. */
    String furthestStage() {
      RequestStatus furthest = RequestStatus.RECEIVED;
      for (RequestStatus reached : firstAt.keySet()) {
        if (!reached.isFinal() && Stages.order(reached.stage()) > Stages.order(furthest.stage())) {
          furthest = reached;
        }
      }
      return furthest.stage();
    }

    /**
     * @param rowKey the key of the request's row before this rebuild, kept (its time of intake never changes); null
     *     for a request without one: the next free key of its second of intake
     */
    SqlParameterSource parameters(Long rowKey) {
      LocalDate day = receivedAt.atOffset(ZoneOffset.UTC).toLocalDate();
      MapSqlParameterSource parameters =
          new MapSqlParameterSource("requestId", requestId)
              .addValue("rowKey", rowKey)
              .addValue("receivedAt", utc(receivedAt))
              .addValue("firstKeyOfSecond", receivedAt.getEpochSecond() * KEYS_PER_SECOND)
              .addValue("receivedDay", day)
              .addValue("receivedWeek", day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
              .addValue("receivedMonth", day.withDayOfMonth(1))
              .addValue("channel", channel)
              .addValue("language", preferredLanguage != null ? preferredLanguage : intakeLanguage)
              .addValue("topic", topic)
              .addValue("ageGroup", ageGroup)
              .addValue("status", status)
              .addValue("riskLevel", riskLevel)
              .addValue("furthestStage", furthestStage())
              .addValue("firstReplyAt", utc(firstReplyAt))
              .addValue("caseOutcome", caseOutcome)
              .addValue("caseClosedAt", utc(caseClosedAt))
              .addValue("feedbackAskedAt", utc(feedbackAskedAt))
              .addValue("feedbackAnsweredAt", utc(feedbackAnsweredAt))
              .addValue("rating", rating)
              .addValue("escalations", escalations);
      for (RequestStatus later : LATER_STATUSES) {
        parameters.addValue(firstAt(later), utc(firstAt.get(later)));
      }
      int reached = 1 << RequestStatus.RECEIVED.ordinal();
      for (RequestStatus status : firstAt.keySet()) {
        reached |= 1 << status.ordinal();
      }
      parameters.addValue("reached", reached);
      for (Wait wait : Wait.values()) {
        Instant at = at(wait.column());
        parameters.addValue(wait.secondsColumn(), at == null ? null : Duration.between(receivedAt, at).toSeconds());
      }
      return parameters;
    }

    /** The time in a fact column: a status's first time, the first reply, or when the case was closed. */
    private Instant at(String column) {
      if (column.equals("case_closed_at")) {
        return caseClosedAt;
      }
      if (column.equals("first_reply_at")) {
        return firstReplyAt;
      }
      return firstAt.entrySet().stream()
          .filter(reached -> firstAt(reached.getKey()).equals(column))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
  }
}
