package org.lifeline.orchestrator.benchmark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.lifeline.orchestrator.benchmark.PlatformHttp.Caller;

/**
 * Feedback, right after the case was closed as helped: the bot fetches a one-time link
 * ({@code GET /api/v1/requests/{id}/feedback-link}) and the person answers through it without credentials
 * ({@code POST /api/v1/feedback/{token}}: rating 5 and a short comment). The platform stores the answer and publishes
 * {@code FeedbackReceived} at once; bpmn/feedback-collection.bpmn takes it only after its {@code P1D} timer (the answer
 * waits in the engine, its time to live is 30 days), which the benchmark passes once per scenario (see
 * {@link LifecycleBenchmark}). Then the answer is assessed and the request is {@code CLOSED}. After a 5xx or a timeout
 * the person sends the answer again through the same link; a 409 then means the earlier one was stored.
 */
final class FeedbackStage implements StageDriver {

  private static final Duration AFTER_AN_ERROR = Duration.ofSeconds(1);

  private final Caller bot;

  FeedbackStage(Caller bot) {
    this.bot = bot;
  }

  @Override
  public String name() {
    return "feedback";
  }

  @Override
  public CompletableFuture<Void> drive(Journey journey, PlatformHttp http) {
    return http.getUntilAnswered(bot, "/api/v1/requests/" + journey.requestId + "/feedback-link", AFTER_AN_ERROR)
        .thenCompose(
            link -> {
              int resentBefore = http.resent();
              return http.postUntilAccepted(
                      Caller.NOBODY, link.get("path").asText(), "{\"rating\":5,\"comment\":\"Thank you, the talks helped me\"}",
                      AFTER_AN_ERROR)
                  .thenAccept(
                      answered -> {
                        boolean storedEarlier = answered.statusCode() == 409 && http.resent() > resentBefore;
                        if (answered.statusCode() != 200 && !storedEarlier) {
                          throw new IllegalStateException(
                              "the feedback answered " + answered.statusCode() + ": " + answered.body());
                        }
                      });
            });
  }
}
