package org.lifeline.orchestrator.questionnaire;

import java.util.Objects;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * One answer of a choice question.
 *
 * @param value the stable value stored as the answer
 * @param label what the person sees, per language
 * @param risk the risk this answer signals; {@link RiskLevel#NONE} for ordinary answers
 */
public record AnswerOption(String value, LocalizedText label, RiskLevel risk) {

  public AnswerOption {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(risk, "risk");
  }
}
