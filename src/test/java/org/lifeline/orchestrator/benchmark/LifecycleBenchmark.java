package org.lifeline.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.LifelineApplication;
import org.lifeline.orchestrator.benchmark.PlatformHttp.Caller;
import org.lifeline.orchestrator.benchmark.SpecialistOnboarding.Cohort;
import org.lifeline.orchestrator.feedback.FeedbackProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How fast and how far one machine goes: starts the platform on its embedded default (in-memory engine, in-memory H2,
 * default settings) and drives synthetic requests over real HTTP through the whole lifecycle ({@link Lifecycle#stages}:
 * intake, questionnaire, assignment with auto-confirmation and the specialist's acceptance, the case closed as helped,
 * feedback) to {@link Lifecycle#TARGET}, next to the bare engine as a baseline. Run with
 * {@code mvn -Pbenchmark test -Dtest=LifecycleBenchmark}; system properties (see {@link Settings}) size the scenarios.
 * Writes {@code target/benchmark/results.md}.
 */
@Tag("benchmark")
class LifecycleBenchmark {

  /**
   * Service-task jobs one request runs in the platform on the benchmark's path (an adult's first request, qualified
   * without a curator, risk NONE, a specialist free, auto-confirmed, accepted, closed as helped, feedback with a good
   * rating), counted from the models. bpmn/help-request.bpmn: sendGreeting, collectQualificationFacts,
   * startQuestionnaire, setRequestStatus (AWAITING_ASSIGNMENT), proposeSpecialist, reserveSpecialist, setRequestStatus
   * (IN_PROGRESS), setRequestStatus (FEEDBACK): 8. bpmn/feedback-collection.bpmn: sendFeedbackRequest, assessFeedback,
   * closeFeedback: 3. Not counted: the three decisions (qualification-route, assignment-confirmation,
   * feedback-follow-up), the specialist's user task (in embedded mode a job the inbox holds until the person completes
   * it), the two instance creations, the message correlations (one per questionnaire answer, QuestionnaireCompleted,
   * CaseClosed, FeedbackReceived) and the feedback timer.
   */
  static final int SERVICE_TASKS_PER_REQUEST = 11;

  private static final String API_KEY = "demo-integrator-key";
  private static final Path OUTPUT = Path.of("target", "benchmark");
  /** The questionnaire's topics; journeys take them in turn (every specialist covers some, the pool all). */
  private static final List<String> TOPICS = List.of("anxiety", "grief", "trauma", "relationships", "displacement", "other");
  /** Burst and sustained requests choose English, which the pool speaks; surge requests Ukrainian or Russian. */
  private static final List<String> POOL_LANGUAGES = List.of("en");
  private static final List<String> SURGE_LANGUAGES = List.of("uk", "ru");

  /** Requests of the scenario waiting for the feedback timer alone: case closed as helped, step started, answer in. */
  private static final String WAITING_FOR_THE_DAY =
      "select count(*) from help_request r join feedback_request f on f.request_id = r.id where r.created_at >= ?"
          + " and r.status = 'FEEDBACK' and f.process_instance_key is not null and f.answer_published_at is not null";
  /** How long the harness waits for the engine to be idle before it moves the clock (see {@link #passTheDay}). */
  private static final Duration IDLE_BEFORE_THE_DAY = Duration.ofSeconds(5);

  private static final Pattern ADDED_DURATION = Pattern.compile("duration\\(\"([^\"]+)\"\\)");
  private static final String NO_REQUEST = "00000000-0000-0000-0000-000000000000";
  private static final String IN_TARGET = "select count(*) from help_request r where r.created_at >= ? and r.status = ?";

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
      boolean jfr,
      List<String> platformSettings) {

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
          Boolean.getBoolean("bench.jfr"),
          Stream.of(System.getProperty("bench.platform", "").split(";")).map(String::strip).filter(setting -> !setting.isEmpty())
              .toList());
    }

    int sustainedCount() {
      return (int) Math.round(sustainedRate * sustainedSeconds);
    }

    /** The requests the pool must hold at the same time: the larger of the burst and the sustained scenario. */
    int poolRequests() {
      return Math.max(scenarios.contains("burst") ? burstCount : 0, scenarios.contains("sustained") ? sustainedCount() : 0);
    }
  }

  /**
   * What a scenario drives with: the client, the database for the figures, the engine for the simulated day, and the
   * platform's clock (the engine's), which the simulated day moves.
   */
  private record Bench(
      PlatformHttp http, JdbcTemplate jdbc, ScheduledExecutorService timer, TaskBoard board, List<StageDriver> stages,
      ZeebeTestEngine engine, Clock clock) {}

  record Outcome(
      String name,
      int sent,
      int reached,
      int lost,
      double seconds,
      double perSecond,
      Figures intake,
      Figures toAssigned,
      Figures toHelpClosed,
      double allAssignedSeconds,
      Figures dayToTarget,
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
        "Machine: %d cores, %d MiB max heap, %s %s; %s.",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name"), System.getProperty("java.version"), settings));
    line("Target status: " + Lifecycle.TARGET + "; " + SERVICE_TASKS_PER_REQUEST + " service tasks per request.");
    line("Load average at start: " + loadAverage());
    List<Outcome> outcomes = new ArrayList<>();
    BareEngineBaseline.Result baseline = null;
    if (settings.scenarios().contains("baseline")) {
      baseline = BareEngineBaseline.run(settings.burstCount(), SERVICE_TASKS_PER_REQUEST, 4, 32, Duration.ofSeconds(5));
      line("");
      line(String.format(Locale.ROOT, "## Baseline: bare in-memory engine%n%n%d instances of %d no-op service tasks in %.2f s: **%.1f instances/s**",
          baseline.count(), baseline.serviceTasks(), baseline.seconds(), baseline.perSecond()));
    }
    Cohort pool = settings.poolRequests() > 0 ? Cohort.pool(settings.poolRequests()) : null;
    Cohort surge = settings.scenarios().contains("surge") ? Cohort.surge(settings.surgeSpecialists()) : null;
    List<String> specialists =
        Stream.of(pool, surge).filter(cohort -> cohort != null).flatMap(cohort -> cohort.usernames().stream()).toList();
    Recording recording = settings.jfr() ? new Recording(Configuration.getConfiguration("profile")) : null;
    String database =
        "jdbc:h2:mem:benchmark-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext platform = startPlatform(database, specialists)) {
      if (recording != null) {
        recording.start();
      }
      int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
      ExecutorService clientPool = Executors.newFixedThreadPool(settings.clientThreads());
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
      PlatformHttp http = new PlatformHttp(port, clientPool);
      try (TaskBoard board = new TaskBoard(http, timer)) {
        // The harness reads the database through connections of its own: it neither takes from nor waits for the
        // platform's pool.
        Bench bench = new Bench(http, new JdbcTemplate(new DriverManagerDataSource(database, "sa", "")), timer, board,
            Lifecycle.stages(Caller.integrator(API_KEY), board), platform.getBean(ZeebeTestEngine.class),
            platform.getBean(Clock.class));
        line("");
        line("## Platform");
        line("");
        line("Stages: " + String.join(" → ", bench.stages().stream().map(StageDriver::name).toList()) + ".");
        if (pool != null) {
          line("");
          line("## Specialists for the burst and sustained scenarios");
          line("");
          line("- " + new SpecialistOnboarding(pool, 1).schedule(http, timer, Duration.ZERO, bench.jdbc()).join()
              + String.format(Locale.ROOT, "; English, every topic, always on shift, %d places each", Cohort.POOL_CASES));
        }
        if (settings.scenarios().contains("burst")) {
          Outcome burst = run("burst", settings.burstCount(), 0, POOL_LANGUAGES, bench, null);
          outcomes.add(burst);
          if (baseline != null) {
            line(String.format(Locale.ROOT, "%nPlatform/baseline throughput (burst of %d): **%.1f%%** (%.1f vs %.1f requests/s; target >= 50%%)",
                settings.burstCount(), 100 * burst.perSecond() / baseline.perSecond(), burst.perSecond(), baseline.perSecond()));
          }
        }
        if (settings.scenarios().contains("sustained")) {
          outcomes.add(run("sustained " + settings.sustainedRate() + "/s", settings.sustainedCount(), settings.sustainedRate(),
              POOL_LANGUAGES, bench, null));
        }
        if (surge != null) {
          double rate = (double) settings.surgeCount() / settings.surgeSeconds();
          SpecialistOnboarding onboarding = new SpecialistOnboarding(surge, settings.csvBatches());
          outcomes.add(run("surge " + settings.surgeCount() + " in " + settings.surgeSeconds() + " s + "
              + settings.surgeSpecialists() + " specialists by CSV", settings.surgeCount(), rate, SURGE_LANGUAGES, bench,
              onboarding.schedule(http, timer, Duration.ofSeconds(settings.surgeSeconds() / 2), bench.jdbc())));
        }
      } finally {
        timer.shutdownNow();
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

  private ConfigurableApplicationContext startPlatform(String database, List<String> specialists) throws IOException {
    // The log file is appended to: one run's log only.
    Files.deleteIfExists(OUTPUT.resolve("platform.log"));
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--lifeline.engine.embedded.port=0",
        "--spring.datasource.url=" + database,
        // One benchmark client stands for many bots, and its single address for many people answering feedback
        // links: the limits of the public write paths are lifted.
        "--lifeline.rate-limit.client-per-minute=100000000",
        "--lifeline.rate-limit.anonymous-per-minute=100000000",
        // The platform logs as usual, to a file rather than the test output.
        "--logging.file.name=" + OUTPUT.resolve("platform.log"),
        "--logging.pattern.console="));
    arguments.addAll(Logins.platformArguments(specialists));
    // Settings changed for an experiment (e.g. a tuning); the report's first line names them.
    settings.platformSettings().forEach(setting -> arguments.add("--" + setting));
    return new SpringApplicationBuilder(LifelineApplication.class).run(arguments.toArray(String[]::new));
  }

  private Outcome run(
      String name, int count, double ratePerSecond, List<String> languages, Bench bench, CompletableFuture<String> sideLoad)
      throws InterruptedException {
    int resentBefore = bench.http().resent();
    int pollsBefore = bench.board().polls();
    String runId = UUID.randomUUID().toString().substring(0, 8);
    // The platform's clock is the engine's: every time the figures compare is read from it (the simulated day moves it).
    Instant since = bench.clock().instant().minusSeconds(1);
    List<Journey> journeys = new ArrayList<>();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    HeapSampler heap = new HeapSampler();
    long startMillis = bench.clock().instant().toEpochMilli();
    for (int i = 0; i < count; i++) {
      Journey journey = new Journey(i, runId, languages.get(i % languages.size()), TOPICS.get(i % TOPICS.size()));
      journeys.add(journey);
      CompletableFuture<Void> arrived = new CompletableFuture<>();
      long delayNanos = ratePerSecond <= 0 ? 0 : (long) (i * 1e9 / ratePerSecond);
      bench.timer().schedule(() -> arrived.complete(null), delayNanos, TimeUnit.NANOSECONDS);
      CompletableFuture<Void> flow = arrived;
      for (StageDriver stage : bench.stages()) {
        flow = flow.thenCompose(ignored -> stage.drive(journey, bench.http()).whenComplete((v, failure) -> {
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
    String givenUp = awaitClients(done, bench, since);
    String extra = sideLoad == null ? "" : sideLoad.join();
    Set<UUID> ids = new HashSet<>();
    journeys.stream().filter(journey -> journey.requestId != null).forEach(journey -> ids.add(journey.requestId));

    int waitingForTheDay = waitUntilCount(bench.jdbc(), WAITING_FOR_THE_DAY, ids.size(), Timestamp.from(since));
    long pauseStart = bench.clock().instant().toEpochMilli();
    // Before the day: moving the clock fires the response timer of a stuck assignment, which ends its incident.
    String incidents = openIncidents(bench.http(), ids);
    String day = passTheDay(bench.engine());
    Instant dayPassed = bench.clock().instant();
    long harnessPause = dayPassed.toEpochMilli() - pauseStart;
    waitUntilCount(bench.jdbc(), IN_TARGET, ids.size(), Timestamp.from(since), Lifecycle.TARGET.name());
    HeapSampler.Heap heapFigures = heap.heap();
    heap.close();

    Map<String, Integer> statuses = new TreeMap<>();
    List<Double> toAssigned = new ArrayList<>();
    List<Double> toHelpClosed = new ArrayList<>();
    List<Double> dayToTarget = new ArrayList<>();
    AtomicLong lastAssigned = new AtomicLong();
    AtomicLong lastReached = new AtomicLong();
    AtomicInteger reached = new AtomicInteger();
    bench.jdbc().query(
        "select r.id, r.status, r.created_at, " + firstStatusAt("assigned_at") + ", " + firstStatusAt("help_closed_at") + ", "
            + firstStatusAt("reached_at") + " from help_request r where r.created_at >= ?",
        row -> {
          UUID id = row.getObject("id", UUID.class);
          if (!ids.contains(id)) {
            return;
          }
          String status = row.getString("status");
          statuses.merge(status, 1, Integer::sum);
          long created = row.getTimestamp("created_at").getTime();
          Timestamp assignedAt = row.getTimestamp("assigned_at");
          if (assignedAt != null) {
            toAssigned.add((double) (assignedAt.getTime() - created));
            lastAssigned.accumulateAndGet(assignedAt.getTime(), Math::max);
          }
          Timestamp helpClosedAt = row.getTimestamp("help_closed_at");
          if (helpClosedAt != null) {
            toHelpClosed.add((double) (helpClosedAt.getTime() - created));
          }
          Timestamp reachedAt = row.getTimestamp("reached_at");
          if (Lifecycle.TARGET.name().equals(status) && reachedAt != null) {
            reached.incrementAndGet();
            dayToTarget.add((double) (reachedAt.getTime() - dayPassed.toEpochMilli()));
            lastReached.accumulateAndGet(reachedAt.getTime(), Math::max);
          }
        },
        Lifecycle.ASSIGNED.name(), Lifecycle.HELP_CLOSED.name(), Lifecycle.TARGET.name(), Timestamp.from(since));
    double seconds = reached.get() == 0 ? Double.NaN : (lastReached.get() - startMillis - harnessPause) / 1000.0;
    double allAssignedSeconds = toAssigned.size() < count ? Double.NaN : (lastAssigned.get() - startMillis) / 1000.0;
    List<Double> intake = new ArrayList<>();
    journeys.stream().filter(journey -> journey.intakeNanos >= 0).forEach(journey -> intake.add(journey.intakeNanos / 1e6));
    List<String> notes = new ArrayList<>();
    if (!extra.isEmpty()) {
      notes.add(extra);
    }
    if (givenUp != null) {
      notes.add(givenUp);
    }
    if (bench.http().resent() > resentBefore) {
      notes.add("calls sent again after a 5xx or a client timeout: " + (bench.http().resent() - resentBefore));
    }
    notes.add("task board polls: " + (bench.board().polls() - pollsBefore));
    notes.add(incidents + " (before the simulated day)");
    Outcome outcome =
        new Outcome(name, count, reached.get(), count - reached.get(), seconds, reached.get() / seconds,
            Figures.ofMillis(intake), Figures.ofMillis(toAssigned), Figures.ofMillis(toHelpClosed), allAssignedSeconds,
            Figures.ofMillis(dayToTarget), heapFigures, statuses, failures.stream().limit(5).toList(),
            String.join("; ", notes));
    describe(outcome);
    return outcome;
  }

  /**
   * Waits for every journey's client to finish. When none finished and the platform wrote no history entry for the
   * stall timeout, the journeys still waiting are given up: their calls are no longer sent again and their task
   * waits fail. Returns what was given up, with where those requests stood, or null.
   */
  private String awaitClients(List<CompletableFuture<Void>> journeys, Bench bench, Instant since) {
    AtomicReference<String> lastState = new AtomicReference<>("");
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    long stallNanos = Duration.ofSeconds(settings.stallSeconds()).toNanos();
    await()
        .atMost(Duration.ofHours(2))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> {
          long finished = journeys.stream().filter(CompletableFuture::isDone).count();
          Long lastEvent = bench.jdbc().queryForObject("select coalesce(max(id), 0) from request_event", Long.class);
          String state = lastEvent + "/" + finished;
          if (!state.equals(lastState.getAndSet(state))) {
            lastProgress.set(System.nanoTime());
          }
          return finished == journeys.size() || System.nanoTime() - lastProgress.get() > stallNanos;
        });
    long waiting = journeys.stream().filter(journey -> !journey.isDone()).count();
    if (waiting == 0) {
      return null;
    }
    Integer assignedWithoutTask = bench.jdbc().queryForObject(
        "select count(*) from help_request r where r.created_at >= ? and r.status = ? and not exists (select 1 from"
            + " user_task_inbox t where t.request_id = r.id and t.state = 'OPEN')",
        Integer.class, Timestamp.from(since), Lifecycle.ASSIGNED.name());
    bench.http().giveUp();
    bench.board().giveUp("the platform moved nothing for " + settings.stallSeconds() + " s");
    CompletableFuture.allOf(journeys.toArray(CompletableFuture[]::new)).join();
    bench.http().carryOn();
    return String.format(Locale.ROOT,
        "%d journeys given up: neither a client finished nor the platform wrote a history entry for %d s; then %d"
            + " requests were %s without an open task in the platform's inbox", waiting, settings.stallSeconds(),
        assignedWithoutTask, Lifecycle.ASSIGNED);
  }

  /** The engine's open incidents (where a request is stuck in a job), as an admin sees them: all, and these requests'. */
  private static String openIncidents(PlatformHttp http, Set<UUID> ids) {
    HttpResponse<String> response = http.get(Logins.admin(), "/api/v1/admin/incidents?limit=1000").join();
    if (response.statusCode() != 200) {
      return "open incidents: the API answered " + response.statusCode();
    }
    JsonNode open = http.json(response.body());
    Map<String, Integer> ofTheseRequests = new TreeMap<>();
    open.forEach(incident -> {
      if (ids.contains(UUID.fromString(incident.path("requestId").asText(NO_REQUEST)))) {
        ofTheseRequests.merge(incident.path("elementId").asText() + " " + incident.path("errorType").asText(), 1, Integer::sum);
      }
    });
    return "open incidents in the engine: " + open.size() + ", of these requests: "
        + (ofTheseRequests.isEmpty() ? "none" : ofTheseRequests);
  }

  /** The time of the request's first change to the status given as a query parameter, in that order. */
  private static String firstStatusAt(String column) {
    return "(select min(e.at) from request_event e where e.request_id = r.id and e.type = 'STATUS_CHANGED' and e.status = ?) as "
        + column;
  }

  /**
   * bpmn/feedback-collection.bpmn asks for feedback only a day after the case closed ({@code Timer_FeedbackDue}) and
   * takes the answer only then. Waiting a real day is no benchmark, so once every request of the scenario waits for
   * that timer alone (help closed, feedback step started, answer published), the embedded engine's clock is moved past
   * it, once per scenario. No other timer of these requests is active then (questionnaire reminders and the
   * specialist's response timer ended with their steps; user-task jobs are held for 30 days), so only the feedback
   * steps move on. The figures leave the simulated day out: intake to assignment and to help closed end before it, the
   * feedback step is measured from it; it costs the scenario's wall time only the wait for its slowest request.
   */
  private static String passTheDay(ZeebeTestEngine engine) throws InterruptedException {
    // A feedback instance is normally created when the case closes, before the person answers, and the engine works in
    // order: once the answer's message was taken, the instance's timer exists. The wait for an idle engine covers a
    // step the dispatcher started late (the job workers' polls often keep the engine from looking idle: a short limit).
    Duration day = feedbackDelay().plusMinutes(1);
    String idle;
    try {
      engine.waitForIdleState(IDLE_BEFORE_THE_DAY);
      idle = "the engine was idle";
    } catch (TimeoutException busy) {
      idle = "the engine was still busy after " + IDLE_BEFORE_THE_DAY.toSeconds() + " s";
    }
    engine.increaseTime(day);
    return idle + " and its clock was moved by " + day;
  }

  /**
   * The delay of {@code Timer_FeedbackDue}, from the model the platform deploys: the duration its date expression adds
   * to the closing time ({@code =date and time(caseClosedAt) + duration("P1D")}).
   */
  private static Duration feedbackDelay() {
    try (InputStream model = LifecycleBenchmark.class.getResourceAsStream("/bpmn/feedback-collection.bpmn")) {
      IntermediateCatchEvent due = Bpmn.readModelFromStream(model).getModelElementById(FeedbackProcess.Elements.FEEDBACK_DUE);
      TimerEventDefinition timer = (TimerEventDefinition) due.getEventDefinitions().iterator().next();
      Matcher added = ADDED_DURATION.matcher(timer.getTimeDate().getTextContent());
      if (!added.find()) {
        throw new IllegalStateException("Timer_FeedbackDue adds no duration: " + timer.getTimeDate().getTextContent());
      }
      return Duration.parse(added.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the count query (parameters: the scenario's start, then {@code parameters}) reaches {@code expected},
   * or until it did not change for the stall timeout; returns the last count.
   */
  private int waitUntilCount(JdbcTemplate jdbc, String countQuery, int expected, Object... parameters) {
    AtomicInteger lastCount = new AtomicInteger(-1);
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    long stallNanos = Duration.ofSeconds(settings.stallSeconds()).toNanos();
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> {
          Integer now = jdbc.queryForObject(countQuery, Integer.class, parameters);
          if (now != lastCount.getAndSet(now)) {
            lastProgress.set(System.nanoTime());
          }
          return now >= expected || System.nanoTime() - lastProgress.get() > stallNanos;
        });
    return lastCount.get();
  }

  private void describe(Outcome outcome) {
    line("");
    line("## " + outcome.name());
    line("");
    line(String.format(Locale.ROOT, "- requests sent: %d; in %s at the end: %d; **lost: %d**", outcome.sent(), Lifecycle.TARGET, outcome.reached(), outcome.lost()));
    line(String.format(Locale.ROOT, "- throughput: **%.1f requests/s** through the whole lifecycle (%d in %.1f s, first arrival to the last %s, the harness's pause at the simulated day left out)",
        outcome.perSecond(), outcome.reached(), outcome.seconds(), Lifecycle.TARGET));
    line("- intake HTTP latency: " + outcome.intake());
    line("- intake to " + Lifecycle.ASSIGNED + ": " + outcome.toAssigned());
    line(String.format(Locale.ROOT, "- every request was %s within %.1f s of the first arrival", Lifecycle.ASSIGNED, outcome.allAssignedSeconds()));
    line("- intake to " + Lifecycle.HELP_CLOSED + " (the specialist closed the case as helped): " + outcome.toHelpClosed());
    line("- feedback step, from the simulated day to " + Lifecycle.TARGET + ": " + outcome.dayToTarget());
    line("- " + outcome.heap());
    line("- statuses at the end: " + outcome.statuses());
    if (!outcome.failures().isEmpty()) {
      line("- client failures (first 5): " + outcome.failures());
    }
    line("- " + outcome.extra());
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
