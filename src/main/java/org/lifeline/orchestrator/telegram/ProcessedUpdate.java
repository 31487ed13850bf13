package org.lifeline.orchestrator.telegram;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An update the bot has handled; Telegram redelivers updates it is unsure we received. */
@Entity
@Table(name = "telegram_update")
class ProcessedUpdate {

  @Id private Long updateId;
  private Instant receivedAt;

  protected ProcessedUpdate() {}

  ProcessedUpdate(long updateId, Instant receivedAt) {
    this.updateId = updateId;
    this.receivedAt = receivedAt;
  }
}
