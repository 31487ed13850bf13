package org.lifeline.orchestrator.notification;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the outbox finds the text of a staff reply at delivery: the conversation keeps it (encrypted, erased with the
 * person), so the outbox holds no copy.
 */
public interface ReplyTexts {

  /** The text of the reply queued as this outbound message; empty when it is gone (erased). */
  Optional<String> textOf(UUID outboundMessageId);
}
