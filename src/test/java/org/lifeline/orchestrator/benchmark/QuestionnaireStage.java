package org.lifeline.orchestrator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The bot asks the questions one by one through the questionnaire API and answers each at once (first option, a
 * number, a short text): waits while the request is still being qualified (409), ends when the questionnaire is
 * complete.
 */
final class QuestionnaireStage implements StageDriver {

  private static final Duration NOT_OPEN_YET = Duration.ofMillis(500);
  /** 503: the answer is stored but the engine did not take it in time; the API asks to send it again later. */
  private static final Duration ENGINE_BUSY = Duration.ofSeconds(1);

  @Override
  public String name() {
    return "questionnaire";
  }

  @Override
  public CompletableFuture<Void> drive(Journey journey, PlatformHttp http) {
    String base = "/api/v1/requests/" + journey.requestId + "/questionnaire";
    return http.getWhenOpen(base + "/next", NOT_OPEN_YET)
        .thenCompose(next -> answerFrom(next, base, http));
  }

  private CompletableFuture<Void> answerFrom(JsonNode next, String base, PlatformHttp http) {
    JsonNode question = next.get(next.has("question") ? "question" : "next");
    boolean complete = next.has("complete") ? next.get("complete").asBoolean() : next.path("progress").path("complete").asBoolean();
    if (complete || question == null || question.isNull()) {
      return CompletableFuture.completedFuture(null);
    }
    String body = "{\"questionId\":\"" + question.get("id").asText() + "\",\"answer\":\"" + answerTo(question) + "\"}";
    return http.postUntilAccepted(base + "/answers", body, ENGINE_BUSY)
        .thenCompose(
            response -> {
              if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException("answer answered " + response.statusCode() + ": " + response.body());
              }
              return answerFrom(http.json(response.body()), base, http);
            });
  }

  private static String answerTo(JsonNode question) {
    return switch (question.get("type").asText()) {
      case "choice" -> question.get("options").get(0).get("value").asText();
      case "number" -> "34";
      default -> "Since the shelling started";
    };
  }
}
