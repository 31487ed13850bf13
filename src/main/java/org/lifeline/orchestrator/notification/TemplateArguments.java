package org.lifeline.orchestrator.notification;

/**
 * Fills the placeholders ({0}, {1}, ...) of one outbound template from configuration at delivery time, so queued
 * messages store no arguments and a corrected configuration applies to messages not yet delivered. Arguments come
 * from configuration only, never from what a person wrote.
 */
public interface TemplateArguments {

  /** The template whose placeholders this fills. */
  String template();

  /** The arguments for a message in that language (null when the language is unknown). */
  Object[] arguments(String language);
}
