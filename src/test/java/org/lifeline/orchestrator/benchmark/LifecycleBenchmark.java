package org.lifeline.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.LifelineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast and how far one machine goes: starts the platform on its embedded default (in-memory engine, in-memory H2,
 * default settings) and drives synthetic requests over real HTTP through {@link Lifecycle#STAGES}, next to the bare
 * engine as a baseline. Run with {@code mvn -Pbenchmark test -Dtest=LifecycleBenchmark}; system properties (see
 * {@link Settings}) size the scenarios. Writes {@code target/benchmark/results.md}.
 */
@Tag("benchmark")
class LifecycleBenchmark {

  /** Jobs one request runs in the platform up to {@link Lifecycle#TARGET}, from help-request.bpmn (adult, first request): sendGreeting, collectQualificationFacts, startQuestionnaire, setRequestStatus(AWAITING_ASSIGNMENT). */
  static final int SERVICE_TASKS_PER_REQUEST = 4;

  private static final String API_KEY = "demo-integrator-key";
  private static final Path OUTPUT = Path.of("target", "benchmark");

  /** Scenario sizes, from system properties {@code bench.*}. */
  record Settings(
      Set<String> scenarios,
      int burstCount,
      double sustainedRate,
      int sustainedSeconds,
      int surgeCount,
      int surgeSeconds,
      int surgeSpecialists,
      int csvBatches,
      int clientThreads,
      int stallSeconds,
      boolean jfr) {

    static Settings fromSystemProperties() {
      return new Settings(
          Set.of(System.getProperty("bench.scenarios", "baseline,burst,sustained,surge").split(",")),
          Integer.getInteger("bench.count", 500),
          Double.parseDouble(System.getProperty("bench.rate", "100")),
          Integer.getInteger("bench.seconds", 20),
          Integer.getInteger("bench.surge.count", 2000),
          Integer.getInteger("bench.surge.seconds", 120),
          Integer.getInteger("bench.surge.specialists", 500),
          Integer.getInteger("bench.surge.csvBatches", 10),
          Integer.getInteger("bench.clientThreads", 4),
          Integer.getInteger("bench.stallSeconds", 60),
          Boolean.getBoolean("bench.jfr"));
    }
  }

  record Outcome(
      String name,
      int sent,
      int reached,
      int lost,
      double seconds,
      double perSecond,
      Figures intake,
      Figures toTarget,
      HeapSampler.Heap heap,
      Map<String, Integer> statuses,
      List<String> failures,
      String extra) {}

  private final Settings settings = Settings.fromSystemProperties();
  private final List<String> report = new ArrayList<>();

  @Test
  void lifecycle() throws Exception {
    Files.createDirectories(OUTPUT);
    line("# Lifecycle benchmark");
    line("");
    line(String.format(
        "Machine: %d cores, %d MiB max heap, %s %s; %s. Target status: %s; %d service tasks per request.",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name"), System.getProperty("java.version"), settings,
        Lifecycle.TARGET, SERVICE_TASKS_PER_REQUEST));
    line("Load average at start: " + loadAverage());
    List<Outcome> outcomes = new ArrayList<>();
    BareEngineBaseline.Result baseline = null;
    if (settings.scenarios().contains("baseline")) {
      baseline = BareEngineBaseline.run(settings.burstCount(), SERVICE_TASKS_PER_REQUEST, 4, 32, Duration.ofMillis(100));
      line("");
      line(String.format(Locale.ROOT, "## Baseline: bare in-memory engine%n%n%d instances of %d no-op service tasks in %.2f s: **%.1f instances/s**",
          baseline.count(), baseline.serviceTasks(), baseline.seconds(), baseline.perSecond()));
    }
    Recording recording = settings.jfr() ? new Recording(Configuration.getConfiguration("profile")) : null;
    try (ConfigurableApplicationContext platform = startPlatform()) {
      if (recording != null) {
        recording.start();
      }
      int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
      JdbcTemplate jdbc = platform.getBean(JdbcTemplate.class);
      ExecutorService clientPool = Executors.newFixedThreadPool(settings.clientThreads());
      ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
      try {
        PlatformHttp http = new PlatformHttp(port, API_KEY, clientPool);
        if (settings.scenarios().contains("burst")) {
          Outcome burst = run("burst", settings.burstCount(), 0, http, jdbc, arrivals, null);
          outcomes.add(burst);
          if (baseline != null) {
            line(String.format(Locale.ROOT, "%nPlatform/baseline throughput (burst of %d): **%.1f%%** (%.1f vs %.1f requests/s; target >= 50%%)",
                settings.burstCount(), 100 * burst.perSecond() / baseline.perSecond(), burst.perSecond(), baseline.perSecond()));
          }
        }
        if (settings.scenarios().contains("sustained")) {
          int count = (int) Math.round(settings.sustainedRate() * settings.sustainedSeconds());
          outcomes.add(run("sustained " + settings.sustainedRate() + "/s", count, settings.sustainedRate(), http, jdbc, arrivals, null));
        }
        if (settings.scenarios().contains("surge")) {
          double rate = (double) settings.surgeCount() / settings.surgeSeconds();
          SpecialistOnboarding onboarding = new SpecialistOnboarding(settings.surgeSpecialists(), settings.csvBatches());
          outcomes.add(run("surge " + settings.surgeCount() + " in " + settings.surgeSeconds() + " s + "
              + settings.surgeSpecialists() + " specialists by CSV", settings.surgeCount(), rate, http, jdbc, arrivals,
              onboarding.schedule(http, arrivals, Duration.ofSeconds(settings.surgeSeconds() / 2), jdbc)));
        }
      } finally {
        arrivals.shutdownNow();
        clientPool.shutdownNow();
        if (recording != null) {
          recording.stop();
          recording.dump(OUTPUT.resolve("lifecycle.jfr"));
          recording.close();
          line("");
          line("JFR recording of the platform scenarios: " + OUTPUT.resolve("lifecycle.jfr"));
        }
      }
    }
    Files.writeString(OUTPUT.resolve("results.md"), String.join(System.lineSeparator(), report) + System.lineSeparator());
    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.lost()).as(outcome.name() + ": requests lost").isZero());
  }

  private ConfigurableApplicationContext startPlatform() {
    return new SpringApplicationBuilder(LifelineApplication.class)
        .run(
            "--server.port=0",
            "--lifeline.engine.embedded.port=0",
            "--spring.datasource.url=jdbc:h2:mem:benchmark-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            // One benchmark client stands for many bots: the per-client limit of the public intake is lifted.
            "--lifeline.rate-limit.client-per-minute=100000000",
            // The platform logs as usual, to a file rather than the test output.
            "--logging.file.name=" + OUTPUT.resolve("platform.log"),
            "--logging.pattern.console=");
  }

  private Outcome run(
      String name,
      int count,
      double ratePerSecond,
      PlatformHttp http,
      JdbcTemplate jdbc,
      ScheduledExecutorService arrivals,
      CompletableFuture<String> sideLoad) {
    int retriesBefore = http.retries();
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Instant since = Instant.now().minusSeconds(1);
    List<Journey> journeys = new ArrayList<>();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    HeapSampler heap = new HeapSampler();
    long startMillis = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      Journey journey = new Journey(i, runId);
      journeys.add(journey);
      CompletableFuture<Void> arrived = new CompletableFuture<>();
      long delayNanos = ratePerSecond <= 0 ? 0 : (long) (i * 1e9 / ratePerSecond);
      arrivals.schedule(() -> arrived.complete(null), delayNanos, TimeUnit.NANOSECONDS);
      CompletableFuture<Void> flow = arrived;
      for (StageDriver stage : Lifecycle.STAGES) {
        flow = flow.thenCompose(ignored -> stage.drive(journey, http).whenComplete((v, failure) -> {
          if (failure != null && journey.failure == null) {
            journey.failure = stage.name() + ": " + failure.getMessage();
          }
        }));
      }
      done.add(flow.handle((v, failure) -> {
        if (failure != null) {
          failures.add(journey.failure != null ? journey.failure : String.valueOf(failure));
        }
        return null;
      }));
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    String extra = sideLoad == null ? "" : sideLoad.join();
    Set<UUID> ids = new HashSet<>();
    journeys.stream().filter(journey -> journey.requestId != null).forEach(journey -> ids.add(journey.requestId));
    waitForTarget(jdbc, since, ids);
    HeapSampler.Heap heapFigures = heap.heap();
    heap.close();

    Map<String, Integer> statuses = new TreeMap<>();
    List<Double> toTarget = new ArrayList<>();
    AtomicLong lastReached = new AtomicLong();
    AtomicInteger reached = new AtomicInteger();
    jdbc.query(
        "select r.id, r.status, r.created_at, (select min(e.at) from request_event e where e.request_id = r.id"
            + " and e.type = 'STATUS_CHANGED' and e.status = ?) as reached_at from help_request r where r.created_at >= ?",
        row -> {
          UUID id = row.getObject("id", UUID.class);
          if (!ids.contains(id)) {
            return;
          }
          statuses.merge(row.getString("status"), 1, Integer::sum);
          Timestamp reachedAt = row.getTimestamp("reached_at");
          if (reachedAt != null) {
            reached.incrementAndGet();
            toTarget.add((reachedAt.getTime() - row.getTimestamp("created_at").getTime()) * 1.0);
            lastReached.accumulateAndGet(reachedAt.getTime(), Math::max);
          }
        },
        Lifecycle.TARGET.name(),
        Timestamp.from(since));
    double seconds = reached.get() == 0 ? Double.NaN : (lastReached.get() - startMillis) / 1000.0;
    List<Double> intake = new ArrayList<>();
    journeys.stream().filter(journey -> journey.intakeNanos >= 0).forEach(journey -> intake.add(journey.intakeNanos / 1e6));
    Outcome outcome =
        new Outcome(name, count, reached.get(), count - reached.get(), seconds, reached.get() / seconds,
            Figures.ofMillis(intake), Figures.ofMillis(toTarget), heapFigures, statuses,
            failures.stream().limit(5).toList(),
            extra + (http.retries() > retriesBefore ? " answers sent again after a 503: " + (http.retries() - retriesBefore) : ""));
    describe(outcome);
    return outcome;
  }

  /** Waits until every request reached the target status, or until nothing moved for the stall timeout. */
  private void waitForTarget(JdbcTemplate jdbc, Instant since, Set<UUID> ids) {
    AtomicInteger lastCount = new AtomicInteger(-1);
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    long stallNanos = Duration.ofSeconds(settings.stallSeconds()).toNanos();
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> {
          Integer now = jdbc.queryForObject(
              "select count(*) from help_request r where r.created_at >= ? and exists (select 1 from request_event e"
                  + " where e.request_id = r.id and e.type = 'STATUS_CHANGED' and e.status = ?)",
              Integer.class, Timestamp.from(since), Lifecycle.TARGET.name());
          if (now != lastCount.getAndSet(now)) {
            lastProgress.set(System.nanoTime());
          }
          return now >= ids.size() || System.nanoTime() - lastProgress.get() > stallNanos;
        });
  }

  private void describe(Outcome outcome) {
    line("");
    line("## " + outcome.name());
    line("");
    line(String.format(Locale.ROOT, "- requests sent: %d; reached %s: %d; **lost: %d**", outcome.sent(), Lifecycle.TARGET, outcome.reached(), outcome.lost()));
    line(String.format(Locale.ROOT, "- throughput: **%.1f requests/s** fully processed (%d in %.1f s, first intake to last %s)",
        outcome.perSecond(), outcome.reached(), outcome.seconds(), Lifecycle.TARGET));
    line("- intake HTTP latency: " + outcome.intake());
    line("- intake to " + Lifecycle.TARGET + ": " + outcome.toTarget());
    line("- " + outcome.heap());
    line("- statuses at the end: " + outcome.statuses());
    if (!outcome.failures().isEmpty()) {
      line("- client failures (first 5): " + outcome.failures());
    }
    if (!outcome.extra().isEmpty()) {
      line("- " + outcome.extra());
    }
    line("- load average after: " + loadAverage());
  }

  private void line(String text) {
    report.add(text);
    System.out.println(text);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException unavailable) {
      return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
