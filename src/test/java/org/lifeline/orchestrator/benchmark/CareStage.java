package org.lifeline.orchestrator.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.lifeline.orchestrator.benchmark.PlatformHttp.Caller;

/**
 * Help delivery, by the specialist holding the case with their own login: records one session
 * ({@code POST /api/v1/cases/{id}/sessions}, sent again while it answers 409 because the process has not marked the
 * request {@code IN_PROGRESS} yet, and after a 5xx or a timeout, as a person saves again after an error) and closes the
 * case as helped ({@code POST /api/v1/cases/{id}/closure}, sent again after a 5xx or a timeout: a repeated closure with
 * the same outcome is harmless). The process moves the request to {@code FEEDBACK} and the feedback step starts.
 */
final class CareStage implements StageDriver {

  private static final Duration NOT_ACCEPTED_YET = Duration.ofMillis(250);
  private static final Duration ENGINE_BUSY = Duration.ofSeconds(1);

  @Override
  public String name() {
    return "care";
  }

  @Override
  public CompletableFuture<Void> drive(Journey journey, PlatformHttp http) {
    Caller specialist = Logins.specialist(journey.specialist);
    String base = "/api/v1/cases/" + journey.requestId;
    String session = "{\"at\":\"" + Instant.now() + "\",\"durationMinutes\":50,\"note\":\"Talked about sleep and safety\"}";
    return http.postWhenReady(specialist, base + "/sessions", session, NOT_ACCEPTED_YET)
        .thenCompose(
            recorded -> {
              if (recorded.statusCode() != 201) {
                throw new IllegalStateException("the session answered " + recorded.statusCode() + ": " + recorded.body());
              }
              return http.postUntilAccepted(specialist, base + "/closure", "{\"outcome\":\"helped\"}", ENGINE_BUSY);
            })
        .thenAccept(
            closed -> {
              if (closed.statusCode() != 200) {
                throw new IllegalStateException("the closure answered " + closed.statusCode() + ": " + closed.body());
              }
            });
  }
}
