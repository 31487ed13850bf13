package org.lifeline.orchestrator.escalation;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.notification.TemplateArguments;
import org.springframework.stereotype.Component;

/**
 * Fills {0} of the {@code crisis-resources} message with the hotlines configured for the person's language
 * ({@code lifeline.escalation.crisis-lines.<language>}), at delivery time.
 */
@Component
class CrisisLineArguments implements TemplateArguments {

  static final String TEMPLATE = "crisis-resources";
  static final String DEFAULT_KEY = "default";
  /** Used only when nothing is configured at all: the emergency number in Europe, Ukraine and Russia. */
  static final String LAST_RESORT = "112";

  /** By lower-case language tag: configuration keys lose their case unless written in brackets. */
  private final Map<String, String> linesByLanguage;

  CrisisLineArguments(EscalationProperties properties) {
    this.linesByLanguage =
        properties.crisisLines().entrySet().stream()
            .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
  }

  @Override
  public String template() {
    return TEMPLATE;
  }

  @Override
  public Object[] arguments(String language) {
    return new Object[] {linesFor(language)};
  }

  String linesFor(String language) {
    if (language != null) {
      String tag = language.trim().toLowerCase(Locale.ROOT);
      String exact = linesByLanguage.get(tag);
      if (exact != null) {
        return exact;
      }
      String primary = Locale.forLanguageTag(tag).getLanguage();
      if (linesByLanguage.containsKey(primary)) {
        return linesByLanguage.get(primary);
      }
    }
    return linesByLanguage.getOrDefault(DEFAULT_KEY, LAST_RESORT);
  }
}
