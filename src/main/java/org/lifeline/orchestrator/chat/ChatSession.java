package org.lifeline.orchestrator.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A web chat session: the hash of its bearer token and the one request it opens (see V27__web_chat.sql). */
@Entity
@Table(name = "chat_session")
class ChatSession {

  /** SHA-256 of the token, hex: the token itself is never stored. */
  @Id private String tokenHash;

  @Column(nullable = false, updatable = false)
  private UUID requestId;

  @Column(nullable = false, updatable = false)
  private Instant createdAt;

  protected ChatSession() {}

  ChatSession(String tokenHash, UUID requestId, Instant createdAt) {
    this.tokenHash = tokenHash;
    this.requestId = requestId;
    this.createdAt = createdAt;
  }

  UUID getRequestId() {
    return requestId;
  }
}
