package org.lifeline.orchestrator.notification;

import java.util.Locale;
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

  MessageTemplates(MessageSource messages) {
    this.messages = messages;
  }

  public String render(String template, String language, Object... arguments) {
    Locale locale = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
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
