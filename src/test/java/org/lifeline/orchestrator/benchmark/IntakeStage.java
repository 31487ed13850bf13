package org.lifeline.orchestrator.benchmark;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A bot takes in a message: {@code POST /api/v1/requests}; the latency of this call is the intake latency. */
final class IntakeStage implements StageDriver {

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
    return http.post("/api/v1/requests", body, "bench-" + journey.channelUserId())
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
