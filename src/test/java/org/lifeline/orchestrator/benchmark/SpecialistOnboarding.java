package org.lifeline.orchestrator.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/** Onboards specialists by CSV ({@code POST /api/v1/specialists/import}) in batches spread over a time window. */
final class SpecialistOnboarding {

  private static final String[] LANGUAGES = {"uk;ru", "ru", "uk;en", "en;ru"};
  private static final String[] TOPICS = {"anxiety;grief", "trauma;displacement", "relationships;other", "anxiety;trauma;grief"};
  private static final String[] AVAILABILITY = {"mon-fri 09:00-17:00", "sat-sun 10:00-22:00", "mon-sun 20:00-02:00"};

  private final int specialists;
  private final int batches;

  SpecialistOnboarding(int specialists, int batches) {
    this.specialists = specialists;
    this.batches = Math.max(1, batches);
  }

  /** Starts the imports; the result describes them once all are answered. */
  CompletableFuture<String> schedule(PlatformHttp http, ScheduledExecutorService timer, Duration window, JdbcTemplate jdbc) {
    Integer before = jdbc.queryForObject("select count(*) from specialist", Integer.class);
    List<CompletableFuture<String>> imports = new ArrayList<>();
    int perBatch = (specialists + batches - 1) / batches;
    for (int batch = 0; batch < batches; batch++) {
      int first = batch * perBatch;
      int last = Math.min(specialists, first + perBatch);
      if (first >= last) {
        break;
      }
      String csv = csv(first, last);
      CompletableFuture<String> answered = new CompletableFuture<>();
      long delayMillis = window.toMillis() * batch / batches;
      timer.schedule(
          () -> {
            long sent = System.nanoTime();
            http.postCsv("/api/v1/specialists/import", csv, "admin", "demo")
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
                  "specialists onboarded by CSV: %d of %d in %d imports (%s)",
                  after - before, specialists, imports.size(), imports.stream().map(CompletableFuture::join).toList());
            });
  }

  private static String describe(HttpResponse<String> response, long sentNanos) {
    return String.format(Locale.ROOT, "%d in %.0f ms", response.statusCode(), (System.nanoTime() - sentNanos) / 1e6);
  }

  private static String csv(int first, int last) {
    StringBuilder csv = new StringBuilder("name,username,languages,topics,age_groups,time_zone,max_cases,availability\n");
    for (int i = first; i < last; i++) {
      csv.append(String.format(
          Locale.ROOT,
          "Specialist %d,bench-specialist-%d,%s,%s,ADULT;SENIOR;YOUNG_ADULT,Europe/Kyiv,%d,%s%n",
          i, i, LANGUAGES[i % LANGUAGES.length], TOPICS[i % TOPICS.length], 3 + i % 5, AVAILABILITY[i % AVAILABILITY.length]));
    }
    return csv.toString();
  }
}
