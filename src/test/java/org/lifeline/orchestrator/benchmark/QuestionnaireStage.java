package org.lifeline.orchestrator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.lifeline.orchestrator.benchmark.PlatformHttp.Caller;
import org.lifeline.orchestrator.request.RequestStatus;

/**
 * The bot asks the questions one by one through the questionnaire API and answers each at once: waits while the
 * request is still being qualified (409), ends when the questionnaire is complete. The person chooses the journey's
 * language and topic and answers "no" to the safety questions, so the request stays at risk NONE and its assignment
 * is confirmed without a curator (bpmn/assignment-confirmation.dmn, rule "Low risk").
 */
final class QuestionnaireStage implements StageDriver {

  /** How often a bot looks again while the request is still being qualified: a few times a second. */
  private static final Duration NOT_OPEN_YET = Duration.ofMillis(250);
  /** Stages in which a 409 means "not yet" or "another question is due" rather than "finished". */
  private static final Set<String> STILL_ASKING = Set.of("intake", "qualification", "questionnaire");
  /** 503: the answer is stored but the engine did not take it in time; the API asks to send it again later. */
  private static final Duration ENGINE_BUSY = Duration.ofSeconds(1);

  private final Caller bot;

  QuestionnaireStage(Caller bot) {
    this.bot = bot;
  }

  @Override
  public String name() {
    return "questionnaire";
  }

  @Override
  public CompletableFuture<Void> drive(Journey journey, PlatformHttp http) {
    String base = "/api/v1/requests/" + journey.requestId + "/questionnaire";
    return http.getWhenOpen(bot, base + "/next", NOT_OPEN_YET)
        .thenCompose(next -> answerFrom(next, journey, base, http));
  }

  private CompletableFuture<Void> answerFrom(JsonNode next, Journey journey, String base, PlatformHttp http) {
    JsonNode question = next.get(next.has("question") ? "question" : "next");
    boolean complete = next.has("complete") ? next.get("complete").asBoolean() : next.path("progress").path("complete").asBoolean();
    if (complete || question == null || question.isNull()) {
      return CompletableFuture.completedFuture(null);
    }
    String body = "{\"questionId\":\"" + question.get("id").asText() + "\",\"answer\":\"" + answerTo(question, journey) + "\"}";
    return http.postUntilAccepted(bot, base + "/answers", body, ENGINE_BUSY)
        .thenCompose(
            response -> {
              if (response.statusCode() == 409 && finished(http.json(response.body()))) {
                // An answer sent again (after a 5xx or a timeout) whose first sending completed the questionnaire.
                return CompletableFuture.completedFuture(null);
              }
              if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException("answer answered " + response.statusCode() + ": " + response.body());
              }
              return answerFrom(http.json(response.body()), journey, base, http);
            });
  }

  /** A 409 "not open" whose request has moved on from the questionnaire (assignment or later). */
  private static boolean finished(JsonNode problem) {
    String status = problem.path("status").asText();
    return Arrays.stream(RequestStatus.values())
        .anyMatch(known -> known.name().equals(status) && !STILL_ASKING.contains(known.stage()));
  }

  private static String answerTo(JsonNode question, Journey journey) {
    return switch (question.get("id").asText()) {
      case "language" -> journey.language;
      case "topic" -> journey.topic;
      case "safetyThoughts", "safetyImmediate" -> "no";
      default -> switch (question.get("type").asText()) {
        case "choice" -> question.get("options").get(0).get("value").asText();
        case "number" -> "34";
        default -> "Since the shelling started";
      };
    };
  }
}
