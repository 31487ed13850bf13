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
  private final Questionnaire questionnaire;

  QuestionnaireConversation(QuestionnaireService service, QuestionnaireDialogue dialogue, Questionnaire questionnaire) {
    this.service = service;
    this.dialogue = dialogue;
    this.questionnaire = questionnaire;
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
      return taken(dialogue.answer(requestId, due.get().id(), text, language, actor), language);
    } catch (QuestionnaireProblem problem) {
      return refused(problem, due.get(), text);
    }
  }

  /**
   * Tells the engine again about an answer that was stored while it could not be reached ({@link Outcome#RETRY}).
   *
   * @return NEXT or COMPLETE as for the answer itself, RETRY while the engine is still unreachable, NOT_OPEN when there
   *     is no such answer (taken back since)
   */
  public Reply announceAgain(UUID requestId, String questionId, String language, String actor) {
    String stored = service.sheet(requestId).answers().get(questionId);
    if (stored == null) {
      return new Reply(Outcome.NOT_OPEN, null, null);
    }
    try {
      return taken(dialogue.answer(requestId, questionId, stored, language, actor), language);
    } catch (QuestionnaireProblem problem) {
      return problem.getStatusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)
          ? new Reply(Outcome.RETRY, null, problem.getBody().getDetail())
          : new Reply(Outcome.NOT_OPEN, null, null);
    }
  }

  /** Whether the text gives the answer stored for the question (the person sent it again). */
  public boolean isStoredAnswer(UUID requestId, String questionId, String text) {
    return questionnaire.check(questionId, text) instanceof AnswerCheck.Accepted accepted
        && accepted.value().equals(service.sheet(requestId).answers().get(questionId));
  }

  private static Reply taken(QuestionnaireService.Answered answered, String language) {
    if (answered.progress().complete()) {
      return new Reply(Outcome.COMPLETE, null, null);
    }
    return new Reply(Outcome.NEXT, answered.next().map(question -> QuestionView.of(question, language)).orElse(null), null);
  }

  private Reply refused(QuestionnaireProblem problem, QuestionView due, String text) {
    if (problem.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
      Outcome outcome = questionnaire.isAttempt(due.id(), text) ? Outcome.INVALID : Outcome.NOT_AN_ANSWER;
      return new Reply(outcome, due, problem.getBody().getDetail());
    }
    if (problem.getStatusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)) {
      return new Reply(Outcome.RETRY, due, problem.getBody().getDetail());
    }
    return new Reply(Outcome.NOT_OPEN, null, null);
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
    /** Meant as an answer but not a valid one (out of range, too long): {@code problem} says why. */
    INVALID,
    /** Words that answer no question (free text at a closed question): a message, not an answer. */
    NOT_AN_ANSWER,
    /** Stored, but the flow could not be told: the same answer must be sent again (a harmless replay). */
    RETRY,
    /** The questionnaire takes no answers now: the text is just a message. */
    NOT_OPEN
  }

  public record Reply(Outcome outcome, QuestionView question, String problem) {}
}
