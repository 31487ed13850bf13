package org.lifeline.orchestrator.notification;

import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.MessageKind;

/**
 * Published inside the transaction that records how a message's delivery ended (sent, given up, unreachable), so the
 * conversation keeps the text as the person received it (or was meant to).
 *
 * @param template the template of a templated message; null for a reply
 * @param text what was sent (sensitive once a reply or a rendered template): for in-process listeners only
 */
public record OutboundMessageSettled(
    UUID messageId, UUID requestId, MessageKind kind, String template, Delivery delivery, Instant at, String text) {

  @Override
  public String toString() {
    return "OutboundMessageSettled[messageId=" + messageId + ", requestId=" + requestId + ", delivery=" + delivery + "]";
  }
}
