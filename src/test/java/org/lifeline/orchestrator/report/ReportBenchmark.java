package org.lifeline.orchestrator.report;

import static org.lifeline.orchestrator.request.RequestStatus.ABANDONED;
import static org.lifeline.orchestrator.request.RequestStatus.ASSIGNED;
import static org.lifeline.orchestrator.request.RequestStatus.AWAITING_ASSIGNMENT;
import static org.lifeline.orchestrator.request.RequestStatus.CLOSED;
import static org.lifeline.orchestrator.request.RequestStatus.CURATOR_REVIEW;
import static org.lifeline.orchestrator.request.RequestStatus.FEEDBACK;
import static org.lifeline.orchestrator.request.RequestStatus.IN_PROGRESS;
import static org.lifeline.orchestrator.request.RequestStatus.QUALIFYING;
import static org.lifeline.orchestrator.request.RequestStatus.QUESTIONNAIRE;
import static org.lifeline.orchestrator.request.RequestStatus.REDIRECTED_MINOR;
import static org.lifeline.orchestrator.request.RequestStatus.REJECTED;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.platform.crypto.FieldEncryptor;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary over a year of 100,000 generated requests (about a million history entries), on H2
 * ({@link ReportBenchmarkOnH2Test}) and PostgreSQL ({@link ReportBenchmarkOnPostgresTest}). Not part of the normal test
 * run: {@code mvn -Pbenchmark test -Dtest='ReportBenchmarkOn*'}. Prints what a summary answers during the first build
 * of the facts and how long that build takes, the background refresh with nothing changed and after {@value #CHANGED}
 * requests changed, the summary of the whole year by day, week and month, of the last 30 days, of the year while
 * {@value #CHANGED} changes wait for the next refresh (the changes themselves are not timed), and the CSV export of the
 * year: each after {@value #WARM_UP} untimed calls (a running server has its code compiled), then {@value #ROUNDS}
 * timed ones. The generated requests come by every channel (the web chat too), and the specialists reply in the case
 * conversations (the first-reply wait).
 */
@Tag("benchmark")
@TestPropertySource(properties = "lifeline.reports.refresh-interval=1d")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ReportFacts.class, ReportSummaries.class, RequestExport.class, ReportBenchmark.Wiring.class})
abstract class ReportBenchmark {

  static final int REQUESTS = Integer.getInteger("bench.reports.requests", 100_000);
  static final int CHANGED = 500;
  static final int ROUNDS = 5;
  static final int WARM_UP = 5;
  static final String[] CHANNELS = {"TELEGRAM", "TELEGRAM", "TELEGRAM", "WEB", "CHAT", "CHAT", "API", "EMAIL"};
  static final String[] LANGUAGES = {"uk", "uk", "uk", "ru", "ru", "en"};
  static final String[] TOPICS = {"anxiety", "grief", "trauma", "relationships", "displacement", "other"};
  static final String[] OUTCOMES = {"helped", "helped", "helped", "referred", "no-show", "withdrawn"};
  static final String[] ESCALATION_OUTCOMES = {"contacted-person", "false-alarm", "other-professional-help"};

  @TestConfiguration(proxyBeanMethods = false)
  static class Wiring {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired FieldEncryptor encryptor;
  @Autowired ReportFacts facts;
  @Autowired ReportSummaries summaries;
  @Autowired RequestExport export;

  final Random random = new Random(21);
  final Instant now = Instant.now();
  final List<UUID> open = new ArrayList<>();

  @Test
  void summaryOfAYearOfRequests() {
    long start = System.nanoTime();
    ReportData data = new ReportData(jdbc, encryptor, "bench");
    for (int i = 0; i < REQUESTS; i++) {
      generate(data);
      if ((i + 1) % 10_000 == 0) {
        data.flush();
      }
    }
    data.flush();
    String database = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equals(database)) {
      jdbc.execute("analyze");
    }
    System.out.printf("%nReports on %s: %,d requests, %,d history entries generated in %d s (2 cores, load average %.1f)%n",
        database, jdbc.queryForObject("select count(*) from help_request", Long.class),
        jdbc.queryForObject("select count(*) from request_event", Long.class),
        Duration.ofNanos(System.nanoTime() - start).toSeconds(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    System.out.printf("Replies in the case conversations: %,d; requests by chat: %,d%n",
        jdbc.queryForObject("select count(*) from conversation_message where kind = 'REPLY'", Long.class),
        jdbc.queryForObject("select count(*) from help_request where channel = 'CHAT'", Long.class));

    jdbc.update("update report_refresh set as_of = null");
    long build = System.nanoTime();
    long notReady = System.nanoTime();
    try {
      facts.asOfLastRefresh();
      System.out.println("A summary during the first build: answered (the build ended within the wait)");
    } catch (ReportsNotReady expected) {
      System.out.printf("A summary during the first build: 503 after %,d ms%n", Duration.ofNanos(System.nanoTime() - notReady).toMillis());
    }
    facts.refreshInBackground().join();
    System.out.printf("First build of the facts (every request, in the background): %,d ms%n", Duration.ofNanos(System.nanoTime() - build).toMillis());

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<ReportPeriod> years = Arrays.stream(Grouping.values()).map(grouping -> new ReportPeriod(today.minusDays(365), today, grouping)).toList();
    ReportPeriod month = new ReportPeriod(today.minusDays(29), today, Grouping.DAY);
    for (int round = 0; round < WARM_UP; round++) {
      // Every case warmed up before any is timed: the first one measured would otherwise pay for the JIT.
      years.forEach(year -> summaries.summarise(year, facts.asOfLastRefresh()));
    }
    time("Background refresh with nothing changed", facts::refresh);
    for (ReportPeriod year : years) {
      time("Summary of the year by " + year.groupBy().code(), () -> summaries.summarise(year, facts.asOfLastRefresh()));
    }
    time("Summary of the last 30 days by day", () -> summaries.summarise(month, facts.asOfLastRefresh()));
    ReportPeriod year = years.get(Grouping.WEEK.ordinal());
    timeAfterPreparing("Background refresh after " + CHANGED + " requests changed", () -> {
      for (int i = 0; i < CHANGED; i++) {
        data.changeStatus(open.get(random.nextInt(open.size())), RequestStatus.QUESTIONNAIRE, Instant.now());
      }
      return (Supplier<Object>) facts::refresh;
    });
    timeAfterPreparing("Summary of the year by week while " + CHANGED + " changed requests wait for the next refresh", () -> {
      for (int i = 0; i < CHANGED; i++) {
        data.changeStatus(open.get(random.nextInt(open.size())), RequestStatus.QUESTIONNAIRE, Instant.now());
      }
      return (Supplier<Object>) () -> summaries.summarise(year, facts.asOfLastRefresh());
    });
    time("CSV export of the year", () -> export.write(year, Writer.nullWriter()));
  }

  /** Runs the work {@value #WARM_UP} times to warm up, then {@value #ROUNDS} timed rounds, and prints the times. */
  private void time(String what, Supplier<Object> work) {
    timeAfterPreparing(what, () -> work);
  }

  /** Like {@link #time}, where {@code preparation} (not timed) sets up each round and returns the timed work. */
  private void timeAfterPreparing(String what, Supplier<Supplier<Object>> preparation) {
    for (int round = 0; round < WARM_UP; round++) {
      preparation.get().get();
    }
    long[] millis = new long[ROUNDS];
    Object result = null;
    for (int round = 0; round < ROUNDS; round++) {
      Supplier<Object> work = preparation.get();
      long start = System.nanoTime();
      result = work.get();
      millis[round] = Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("%s: median %d ms, min %d, max %d (rounds %s)%s%n", what, sorted[ROUNDS / 2], sorted[0],
        sorted[ROUNDS - 1], Arrays.toString(millis),
        result instanceof Summary summary
            ? ", " + summary.requests().total() + " requests"
            : result instanceof Long rows ? ", " + rows + " rows" : "");
  }

  /** One request received in the last year, on a path like the line's: most get help, some stop on the way. */
  private void generate(ReportData data) {
    Instant t = now.minusSeconds((long) (random.nextDouble() * 365 * 86_400));
    int age = random.nextInt(100) < 4 ? 12 + random.nextInt(6) : 18 + random.nextInt(60);
    ReportData.Request request = data.request(pick(CHANNELS), random.nextInt(20) == 0 ? null : age, pick(LANGUAGES), t);
    Step step = new Step(request, t);
    if (!step.to(QUALIFYING, 1)) {
      return;
    }
    if (age < 18) {
      step.to(REDIRECTED_MINOR, 2);
      return;
    }
    if (random.nextInt(100) < 5) {
      if (!step.to(CURATOR_REVIEW, 2)) {
        return;
      }
      if (random.nextBoolean()) {
        step.to(REJECTED, 600 + random.nextInt(7200));
        return;
      }
    }
    if (!step.to(QUESTIONNAIRE, 3)) {
      return;
    }
    request.answer("topic", pick(TOPICS), step.at.plusSeconds(20)).ownWords(step.at.plusSeconds(40));
    if (random.nextInt(100) < 3) {
      Instant opened = step.at.plusSeconds(30);
      boolean reviewed = opened.plusSeconds(1800).isBefore(now);
      long review = 60 + random.nextInt(1200);
      request.risk(RiskLevel.HIGH).escalation(opened, review > 300 ? opened.plusSeconds(300) : null,
          reviewed ? opened.plusSeconds(review) : null, reviewed ? pick(ESCALATION_OUTCOMES) : null);
    }
    if (random.nextInt(100) < 15) {
      step.to(ABANDONED, 48 * 3600 + 60);
      return;
    }
    request.answer("language", pick(LANGUAGES), step.at.plusSeconds(50));
    if (!step.to(AWAITING_ASSIGNMENT, 60 + random.nextInt(1800))
        || !step.to(ASSIGNED, random.nextInt(6 * 3600))
        || !step.to(IN_PROGRESS, 300 + random.nextInt(7200))) {
      return;
    }
    // The specialist's first reply in the case conversation, then a few more (the first-reply wait, V21).
    Instant reply = step.at.plusSeconds(60 + random.nextInt(4 * 3600));
    for (int replies = 1 + random.nextInt(3); replies > 0 && reply.isBefore(now); replies--) {
      request.reply(reply);
      reply = reply.plusSeconds(600 + random.nextInt(86_400));
    }
    Instant closed = step.at.plusSeconds(86_400 + random.nextInt(9 * 86_400));
    if (closed.isAfter(now)) {
      return;
    }
    String outcome = pick(OUTCOMES);
    request.caseClosed(outcome, closed);
    step.at = closed;
    if (!outcome.equals("helped")) {
      step.to(CLOSED, 2);
      return;
    }
    step.to(FEEDBACK, 2);
    Instant asked = closed.plusSeconds(86_400);
    if (asked.isBefore(now)) {
      boolean answered = random.nextInt(100) < 60;
      request.feedback(closed, asked, answered ? 1 + random.nextInt(5) : null, answered ? asked.plusSeconds(3600) : null);
    }
    step.to(CLOSED, 3 * 86_400);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Moves a generated request on in time; a status that would lie in the future is not reached (the request is open). */
  private final class Step {
    final ReportData.Request request;
    Instant at;

    Step(ReportData.Request request, Instant at) {
      this.request = request;
      this.at = at;
    }

    boolean to(RequestStatus status, long afterSeconds) {
      Instant next = at.plusSeconds(afterSeconds);
      if (next.isAfter(now)) {
        open.add(request.id);
        return false;
      }
      request.status(status, next);
      at = next;
      return true;
    }
  }
}
