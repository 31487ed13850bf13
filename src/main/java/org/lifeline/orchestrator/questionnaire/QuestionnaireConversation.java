package org.lifeline.orchestrator.questionnaire;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The questionnaire for chat channels, where a person just writes: the text answers whatever
 * question is due. Same rules and storage as the HTTP questionnaire API.
 */
@Component
public class QuestionnaireConversation {

  private final QuestionnaireService service;
  private final QuestionnaireDialogue dialogue;

  QuestionnaireConversation(QuestionnaireService service, QuestionnaireDialogue dialogue) {
    this.service = service;
    this.dialogue = dialogue;
  }

  /** The question to ask now, if the questionnaire takes answers. */
  public Optional<QuestionView> currentQuestion(UUID requestId, String language) {
    QuestionnaireService.Sheet sheet = service.sheet(requestId);
    return sheet.open() ? sheet.next().map(question -> QuestionView.of(question, language)) : Optional.empty();
  }

  /** Takes the text as the answer to the due question. */
  public Reply answer(UUID requestId, String text, String language, String actor) {
    Optional<QuestionView> due = currentQuestion(requestId, language);
    if (due.isEmpty()) {
      return new Reply(Outcome.NOT_OPEN, null, null);
    }
    try {
      QuestionnaireService.Answered answered = dialogue.answer(requestId, due.get().id(), text, language, actor);
      if (answered.progress().complete()) {
        return new Reply(Outcome.COMPLETE, null, null);
      }
      return new Reply(Outcome.NEXT, answered.next().map(question -> QuestionView.of(question, language)).orElse(null), null);
    } catch (QuestionnaireProblem problem) {
      if (problem.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
        return new Reply(Outcome.INVALID, due.get(), problem.getBody().getDetail());
      }
      if (problem.getStatusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)) {
        return new Reply(Outcome.RETRY, due.get(), problem.getBody().getDetail());
      }
      return new Reply(Outcome.NOT_OPEN, null, null);
    }
  }

  /** Takes back the latest answer; the question asked again, if there was one to take back. */
  public Optional<QuestionView> back(UUID requestId, String language) {
    return service.takeBackLastAnswer(requestId).map(question -> QuestionView.of(question, language));
  }

  public enum Outcome {
    /** Stored; {@code question} is the next one to ask (null while the flow decides). */
    NEXT,
    /** The last required answer was stored. */
    COMPLETE,
    /** Not a valid answer: {@code problem} says why, {@code question} is asked again. */
    INVALID,
    /** Stored, but the flow could not be told: the same answer must be sent again (a harmless replay). */
    RETRY,
    /** The questionnaire takes no answers now: the text is just a message. */
    NOT_OPEN
  }

  public record Reply(Outcome outcome, QuestionView question, String problem) {}
}
