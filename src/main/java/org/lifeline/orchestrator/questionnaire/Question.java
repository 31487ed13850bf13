package org.lifeline.orchestrator.questionnaire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of the questionnaire, as the definition file describes it.
 *
 * @param id stable id; answers are stored under it
 * @param type how it is answered
 * @param required whether the questionnaire is complete only once it is answered; optional questions may be skipped
 * @param askWhen when it is asked at all
 * @param prompt the question, per language
 * @param options the answers of a choice question, in display order; empty for other types
 * @param min smallest accepted value of a number question; null for other types
 * @param max largest accepted value of a number question; null for other types
 * @param maxLength longest accepted answer of a text question, in characters; null for other types
 */
public record Question(
    String id,
    QuestionType type,
    boolean required,
    AskWhen askWhen,
    LocalizedText prompt,
    List<AnswerOption> options,
    Integer min,
    Integer max,
    Integer maxLength) {

  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(askWhen, "askWhen");
    Objects.requireNonNull(prompt, "prompt");
    options = List.copyOf(options);
  }

  public boolean appliesTo(QuestionnaireContext context) {
    return askWhen.appliesTo(context);
  }

  public Optional<AnswerOption> option(String value) {
    return options.stream().filter(option -> option.value().equals(value)).findFirst();
  }
}
