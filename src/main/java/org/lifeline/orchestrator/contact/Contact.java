package org.lifeline.orchestrator.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A person on one channel. Handle and name are contact details: they never leave the database. */
@Entity
public class Contact {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Column(name = "channel_user_id", nullable = false)
  private String channelUserId;

  private String displayName;
  private String language;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant unreachableSince;

  protected Contact() {}

  public Contact(Channel channel, String channelUserId, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.channel = channel;
    this.channelUserId = channelUserId;
    this.createdAt = createdAt;
  }

  /** Keeps what the person told us most recently. */
  public void update(String displayName, String language) {
    if (displayName != null) {
      this.displayName = displayName;
    }
    if (language != null) {
      this.language = language;
    }
  }

  /** The person can no longer be reached on this channel (e.g. blocked the bot). */
  public void markUnreachable(Instant since) {
    if (unreachableSince == null) {
      unreachableSince = since;
    }
  }

  /** They wrote to us again, so the channel works again. */
  public void markReachable() {
    unreachableSince = null;
  }

  public boolean isReachable() {
    return unreachableSince == null;
  }

  public UUID getId() {
    return id;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getChannelUserId() {
    return channelUserId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getLanguage() {
    return language;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
