package org.lifeline.orchestrator.questionnaire;

import java.util.Map;
import java.util.Objects;

/** One text in several languages, keyed by language code ("en", "ru", "uk"). */
public record LocalizedText(Map<String, String> byLanguage) {

  /** Every text has an English version, so a person is never shown an empty prompt. */
  public static final String FALLBACK_LANGUAGE = "en";

  public LocalizedText {
    byLanguage = Map.copyOf(byLanguage);
    if (!byLanguage.containsKey(FALLBACK_LANGUAGE)) {
      throw new IllegalArgumentException("A localized text needs an English version: " + byLanguage);
    }
  }

  /** The text in the given language, or in English when that language is missing. */
  public String in(String language) {
    return byLanguage.getOrDefault(Objects.requireNonNullElse(language, FALLBACK_LANGUAGE), english());
  }

  public String english() {
    return byLanguage.get(FALLBACK_LANGUAGE);
  }
}
