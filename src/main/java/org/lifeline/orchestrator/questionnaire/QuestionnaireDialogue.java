package org.lifeline.orchestrator.questionnaire;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.lifeline.orchestrator.platform.UniqueKeyRaces;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Takes an answer: store it first, then tell the engine when the answer moves the flow (the age before qualification,
 * the last required answer); a retry of the same answer tells it again, unless the flow has left the questionnaire
 * since, which means it was told.
 */
@Component
class QuestionnaireDialogue {

  private static final Logger log = LoggerFactory.getLogger(QuestionnaireDialogue.class);

  private final QuestionnaireService service;
  private final QuestionnaireMessages messages;

  QuestionnaireDialogue(QuestionnaireService service, QuestionnaireMessages messages) {
    this.service = service;
    this.messages = messages;
  }

  QuestionnaireService.Answered answer(UUID requestId, String questionId, String answer, String language, String actor) {
    QuestionnaireService.Answered answered;
    try {
      answered = ConflictRetry.run(() -> UniqueKeyRaces.expect(() -> service.answer(requestId, questionId, answer, language, actor)));
    } catch (DataIntegrityViolationException concurrentAnswer) {
      // The same question was answered at the same moment by a retry: now it is a replay (or a conflict).
      answered = ConflictRetry.run(() -> service.answer(requestId, questionId, answer, language, actor));
    }
    if (!answered.flowWaitsForIt()) {
      return answered;
    }
    try {
      messages.announce(answered);
    } catch (RuntimeException engineUnavailable) {
      log.warn("Answer to '{}' of request {} is stored; the engine was not told: {}", questionId, requestId,
          engineUnavailable.getMessage());
      throw QuestionnaireProblem.engineUnavailable();
    }
    return answered;
  }
}
