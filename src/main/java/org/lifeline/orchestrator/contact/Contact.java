package org.lifeline.orchestrator.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedText;

/** A person on one channel. Handle and name are contact details: they never leave the database. */
@Entity
public class Contact {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Convert(converter = EncryptedText.class)
  @Column(name = "channel_user_id", nullable = false)
  private String channelUserId;

  /** Keyed hash of the handle: finds the contact without decrypting every row. */
  @Column(nullable = false)
  private String channelUserHash;

  @Convert(converter = EncryptedText.class)
  private String displayName;
  private String language;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant erasedAt;

  private Instant unreachableSince;

  protected Contact() {}

  Contact(Channel channel, String channelUserId, String channelUserHash, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.channel = channel;
    this.channelUserId = channelUserId;
    this.channelUserHash = channelUserHash;
    this.createdAt = createdAt;
  }

  /**
   * Forgets who the person is: handle and name are gone, the hash no longer matches anything, so a
   * new message from the same handle starts a new contact.
   */
  public void erase(Instant now) {
    this.channelUserId = "erased";
    this.channelUserHash = "erased:" + id;
    this.displayName = null;
    this.language = null;
    this.erasedAt = now;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }

  /** Sets the hash of a contact stored before handles were hashed. */
  void hashHandle(String channelUserHash) {
    this.channelUserHash = channelUserHash;
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
