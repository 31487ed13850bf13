package org.lifeline.orchestrator.request;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that records an inbound message, so features that must see every message (the
 * conversation, which stores its text; the risk detector) do so without the intake coupling to them. Listeners that
 * run in that transaction make their result as durable as the message itself.
 *
 * @param text the message (sensitive): for in-process listeners only; only the conversation stores it, encrypted
 * @param author who wrote it ({@code contact} for the person)
 * @param at when it was received
 */
public record InboundMessageRecorded(UUID requestId, String text, String author, Instant at) {

  @Override
  public String toString() {
    return "InboundMessageRecorded[requestId=" + requestId + "]";
  }
}
