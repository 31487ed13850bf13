package org.lifeline.orchestrator.questionnaire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned questionnaire: the questions in the order they are asked.
 *
 * @param version stored with the answers, so it stays clear which wording a person answered
 */
public record QuestionnaireDefinition(String id, int version, List<Question> questions) {

  public QuestionnaireDefinition {
    Objects.requireNonNull(id, "id");
    questions = List.copyOf(questions);
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
  }
}
