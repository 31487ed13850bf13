package org.lifeline.orchestrator.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/** How a question is answered; the JSON name is what process owners write in the definition file. */
public enum QuestionType {
  /** A whole number within the question's min and max. */
  NUMBER("number"),
  /** Exactly one of the question's options. */
  CHOICE("choice"),
  /** Free text up to the question's maxLength. */
  TEXT("text");

  private final String jsonName;

  QuestionType(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static Optional<QuestionType> fromJsonName(String jsonName) {
    return Arrays.stream(values()).filter(type -> type.jsonName.equals(jsonName)).findFirst();
  }
}
