package org.lifeline.orchestrator.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A question as the API shows it, in one language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionView(
    String id,
    String type,
    boolean required,
    String prompt,
    List<OptionView> options,
    Integer min,
    Integer max,
    Integer maxLength) {

  static QuestionView of(Question question, String language) {
    return new QuestionView(
        question.id(),
        question.type().jsonName(),
        question.required(),
        question.prompt().in(language),
        question.type() == QuestionType.CHOICE
            ? question.options().stream().map(option -> new OptionView(option.value(), option.label().in(language))).toList()
            : null,
        question.min(),
        question.max(),
        question.maxLength());
  }

  public record OptionView(String value, String label) {}
}
