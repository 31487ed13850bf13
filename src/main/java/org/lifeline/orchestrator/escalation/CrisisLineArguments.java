package org.lifeline.orchestrator.escalation;

import java.util.Locale;
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

  private final EscalationProperties properties;

  CrisisLineArguments(EscalationProperties properties) {
    this.properties = properties;
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
      String tag = language.trim();
      String exact = properties.crisisLines().get(tag);
      if (exact != null) {
        return exact;
      }
      String primary = Locale.forLanguageTag(tag).getLanguage();
      if (properties.crisisLines().containsKey(primary)) {
        return properties.crisisLines().get(primary);
      }
    }
    return properties.crisisLines().getOrDefault(DEFAULT_KEY, LAST_RESORT);
  }
}
