package org.lifeline.orchestrator.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/** The condition under which a question is asked; the JSON name is what process owners write. */
public enum AskWhen {
  ALWAYS("always"),
  /** Only when the person did not state their age at intake. */
  AGE_UNKNOWN("ageUnknown");

  private final String jsonName;

  AskWhen(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public boolean appliesTo(QuestionnaireContext context) {
    return switch (this) {
      case ALWAYS -> true;
      case AGE_UNKNOWN -> !context.ageKnown();
    };
  }

  public static Optional<AskWhen> fromJsonName(String jsonName) {
    return Arrays.stream(values()).filter(condition -> condition.jsonName.equals(jsonName)).findFirst();
  }
}
