package org.lifeline.orchestrator.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Onboards a cohort of specialists by CSV ({@code POST /api/v1/specialists/import}, as an administrator) in batches
 * spread over a time window.
 */
final class SpecialistOnboarding {

  /** Most rows one import accepts by default ({@code lifeline.assignment.import-max-rows}). */
  private static final int MAX_ROWS_PER_IMPORT = 5000;

  /**
   * Who is onboarded: specialists {@code prefix-0} to {@code prefix-(size-1)} (also their logins, see {@link Logins}),
   * row {@code i} taking the {@code i}-th value of each list, cyclically.
   */
  record Cohort(
      String prefix, int size, List<String> languages, List<String> topics, List<Integer> maxCases, List<String> availability) {

    static final int POOL_CASES = 5;

    /**
     * The specialists of the burst and sustained scenarios, onboarded before them: they speak English only (the
     * language those requests choose), cover every topic, are always on shift and have {@link #POOL_CASES} places
     * each; the cohort is sized so that every request of a scenario can hold a place at the same time.
     */
    static Cohort pool(int requests) {
      int size = Math.max(1, (requests + POOL_CASES - 1) / POOL_CASES);
      return new Cohort(
          "bench-pool", size, List.of("en"), List.of("anxiety;grief;trauma;relationships;displacement;other"),
          List.of(POOL_CASES), List.of("mon-sun 00:00-24:00"));
    }

    /**
     * The specialists onboarded during the surge: Ukrainian and Russian speakers (the languages of the surge's
     * requests, which nobody in the pool speaks, so the surge is served by the people onboarded during it), mixed
     * topics and shifts, 3 to 7 places each.
     */
    static Cohort surge(int size) {
      return new Cohort(
          "bench-specialist", size, List.of("uk;ru", "ru", "uk;en", "en;ru"),
          List.of("anxiety;grief", "trauma;displacement", "relationships;other", "anxiety;trauma;grief"),
          List.of(3, 4, 5, 6, 7), List.of("mon-fri 09:00-17:00", "sat-sun 10:00-22:00", "mon-sun 20:00-02:00"));
    }

    List<String> usernames() {
      return IntStream.range(0, size).mapToObj(this::username).toList();
    }

    String username(int i) {
      return prefix + "-" + i;
    }

    String csv(int first, int last) {
      StringBuilder csv = new StringBuilder("name,username,languages,topics,age_groups,time_zone,max_cases,availability\n");
      for (int i = first; i < last; i++) {
        csv.append(String.format(
            Locale.ROOT, "Specialist %s %d,%s,%s,%s,ADULT;SENIOR;YOUNG_ADULT,Europe/Kyiv,%d,%s%n",
            prefix, i, username(i), cyclic(languages, i), cyclic(topics, i), cyclic(maxCases, i), cyclic(availability, i)));
      }
      return csv.toString();
    }

    private static <T> T cyclic(List<T> values, int i) {
      return values.get(i % values.size());
    }
  }

  private final Cohort cohort;
  private final int batches;

  SpecialistOnboarding(Cohort cohort, int batches) {
    this.cohort = cohort;
    this.batches = Math.max(batches, (cohort.size() + MAX_ROWS_PER_IMPORT - 1) / MAX_ROWS_PER_IMPORT);
  }

  /** Starts the imports, the first at once; the result describes them once all are answered. */
  CompletableFuture<String> schedule(PlatformHttp http, ScheduledExecutorService timer, Duration window, JdbcTemplate jdbc) {
    Integer before = jdbc.queryForObject("select count(*) from specialist", Integer.class);
    List<CompletableFuture<String>> imports = new ArrayList<>();
    int perBatch = (cohort.size() + batches - 1) / batches;
    for (int batch = 0; batch < batches; batch++) {
      int first = batch * perBatch;
      int last = Math.min(cohort.size(), first + perBatch);
      if (first >= last) {
        break;
      }
      String csv = cohort.csv(first, last);
      CompletableFuture<String> answered = new CompletableFuture<>();
      long delayMillis = window.toMillis() * batch / batches;
      timer.schedule(
          () -> {
            long sent = System.nanoTime();
            http.postCsv(Logins.admin(), "/api/v1/specialists/import", csv)
                .thenApply(response -> describe(response, sent))
                .whenComplete((text, failure) -> answered.complete(failure != null ? "failed: " + failure.getMessage() : text));
          },
          delayMillis,
          TimeUnit.MILLISECONDS);
      imports.add(answered);
    }
    return CompletableFuture.allOf(imports.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              Integer after = jdbc.queryForObject("select count(*) from specialist", Integer.class);
              return String.format(
                  Locale.ROOT,
                  "specialists %s-* onboarded by CSV: %d of %d in %d imports (%s)",
                  cohort.prefix(), after - before, cohort.size(), imports.size(),
                  imports.stream().map(CompletableFuture::join).toList());
            });
  }

  private static String describe(HttpResponse<String> response, long sentNanos) {
    String status = response.statusCode() == 201 ? "201" : response.statusCode() + " " + response.body();
    return String.format(Locale.ROOT, "%s in %.0f ms", status, (System.nanoTime() - sentNanos) / 1e6);
  }
}
