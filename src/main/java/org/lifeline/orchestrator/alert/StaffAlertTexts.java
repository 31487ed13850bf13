package org.lifeline.orchestrator.alert;

import java.net.URI;
import org.lifeline.orchestrator.platform.ConsoleLinks;

/**
 * The words of an alert: what happened, the request id, the risk level and a console link. Nothing the person wrote
 * or answered, no name, no contact: the console shows those to whoever has a need to know.
 */
final class StaffAlertTexts {

  private StaffAlertTexts() {}

  static AlertMessage of(StaffAlert alert, ConsoleLinks links) {
    URI link = links.to(alert.getEvent().pageFor(alert.getRequestId()));
    String level = alert.getRiskLevel() == null ? "" : alert.getRiskLevel().name();
    String subject =
        "[Lifeline] " + (level.equals("HIGH") || level.equals("MEDIUM") ? level + " risk: " : "")
            + alert.getEvent().subject()
            + (alert.getRequestId() == null ? "" : " (request " + shortId(alert) + ")");
    StringBuilder text = new StringBuilder(alert.getEvent().sentence()).append("\n\n");
    if (alert.getRequestId() != null) {
      text.append("Request: ").append(alert.getRequestId()).append('\n');
    }
    if (!level.isEmpty()) {
      text.append("Risk level: ").append(level).append('\n');
    }
    text.append("Open the console: ").append(link).append("\n\n")
        .append("This alert carries nothing of what the person wrote: read it in the console.");
    return new AlertMessage(alert.getId(), subject, text.toString(), link);
  }

  private static String shortId(StaffAlert alert) {
    return alert.getRequestId().toString().substring(0, 8);
  }
}
