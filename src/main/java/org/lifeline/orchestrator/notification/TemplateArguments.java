package org.lifeline.orchestrator.notification;

import java.util.List;

/**
 * The placeholders {0}, {1}, ... of one outbound template, filled from configuration when the message is delivered (a
 * feature contributes a bean, e.g. the partner project of the minor redirect). Never person data.
 */
public interface TemplateArguments {

  /** The template these arguments belong to, e.g. {@code minor-redirect}. */
  String template();

  List<String> arguments();
}
