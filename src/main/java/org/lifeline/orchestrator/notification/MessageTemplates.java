package org.lifeline.orchestrator.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Texts of outbound messages, per language, from messages/outbound*.properties (editable without
 * Java). Placeholders are filled from configuration only, never from what the person wrote.
 */
@Component
public class MessageTemplates {

  private final MessageSource messages;
  private final Map<String, TemplateArguments> configuredArguments;

  MessageTemplates(MessageSource messages, List<TemplateArguments> configuredArguments) {
    this.messages = messages;
    this.configuredArguments =
        configuredArguments.stream().collect(Collectors.toMap(TemplateArguments::template, Function.identity()));
  }

  /** The text in the language, its placeholders filled by the template's {@link TemplateArguments}, if any. */
  public String render(String template, String language) {
    Locale locale = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
    TemplateArguments configured = configuredArguments.get(template);
    Object[] arguments = configured == null ? new Object[0] : configured.arguments(language);
    return messages.getMessage("outbound." + template, arguments, locale);
  }

  public boolean exists(String template) {
    try {
      render(template, null);
      return true;
    } catch (NoSuchMessageException e) {
      return false;
    }
  }
}
