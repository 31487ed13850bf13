package org.lifeline.orchestrator.benchmark;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.lifeline.orchestrator.benchmark.PlatformHttp.Caller;

/**
 * A bot takes in a message: {@code POST /api/v1/requests} with an Idempotency-Key, sent again after a 5xx or a timeout
 * as the API allows; the time until the bot has its 201 is the intake latency.
 */
final class IntakeStage implements StageDriver {

  private static final Duration AFTER_AN_ERROR = Duration.ofSeconds(1);

  private final Caller bot;

  IntakeStage(Caller bot) {
    this.bot = bot;
  }

  @Override
  public String name() {
    return "intake";
  }

  @Override
  public CompletableFuture<Void> drive(Journey journey, PlatformHttp http) {
    String body =
        "{\"channel\":\"api\",\"channelUserId\":\"" + journey.channelUserId()
            + "\",\"age\":34,\"language\":\"en\",\"message\":\"I cannot sleep since the shelling started\"}";
    long start = System.nanoTime();
    return http.postUntilAccepted(bot, "/api/v1/requests", body, "bench-" + journey.channelUserId(), AFTER_AN_ERROR)
        .thenAccept(
            response -> {
              journey.intakeNanos = System.nanoTime() - start;
              if (response.statusCode() != 201) {
                throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
              }
              journey.requestId = UUID.fromString(http.json(response.body()).get("id").asText());
            });
  }
}
