package org.lifeline.orchestrator.request;

import java.util.UUID;

/**
 * Published in the transaction that stores an inbound message, so features that must look at every message (the
 * risk detector) see it without the intake coupling to them. Listeners that run in that transaction make their
 * result as durable as the message itself.
 *
 * @param text the message (sensitive): for in-process listeners only, never stored elsewhere or logged
 */
public record InboundMessageRecorded(UUID requestId, String text) {

  @Override
  public String toString() {
    return "InboundMessageRecorded[requestId=" + requestId + "]";
  }
}
