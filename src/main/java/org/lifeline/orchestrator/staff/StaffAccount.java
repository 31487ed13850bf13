package org.lifeline.orchestrator.staff;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A person who works on the line and logs in with a password of their own. Invited first (a one-time link to set the
 * password), then active until an administrator disables them. Secrets are kept only as hashes.
 */
@Entity
class StaffAccount {

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(nullable = false)
  private String displayName;

  private String email;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role", nullable = false)
  @Enumerated(EnumType.STRING)
  private Set<StaffRole> roles = new HashSet<>();

  @Column(nullable = false)
  private boolean enabled;

  private String passwordHash;
  private Instant passwordChangedAt;
  private String invitationHash;
  private Instant invitationExpiresAt;
  private Long telegramChatId;
  private String telegramCodeHash;
  private Instant telegramCodeExpiresAt;

  @Column(nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false, updatable = false)
  private String createdBy;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private Long version;

  protected StaffAccount() {}

  StaffAccount(String username, String displayName, String email, Collection<StaffRole> roles, String createdBy, Instant now) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.enabled = true;
    this.createdAt = now;
    this.createdBy = createdBy;
    describe(displayName, email, roles, now);
  }

  void describe(String displayName, String email, Collection<StaffRole> roles, Instant now) {
    this.displayName = displayName;
    this.email = email;
    this.roles.retainAll(roles);
    this.roles.addAll(roles);
    this.updatedAt = now;
  }

  /** A new one-time link replaces any earlier one; the password (if any) keeps working until a new one is set. */
  void invite(String tokenHash, Instant expiresAt, Instant now) {
    this.invitationHash = tokenHash;
    this.invitationExpiresAt = expiresAt;
    this.updatedAt = now;
  }

  boolean invitationValidAt(Instant now) {
    return invitationHash != null && invitationExpiresAt != null && now.isBefore(invitationExpiresAt);
  }

  /** Sets the password; the invitation is used up. */
  void setPassword(String hash, Instant now) {
    this.passwordHash = hash;
    this.passwordChangedAt = now;
    this.invitationHash = null;
    this.invitationExpiresAt = null;
    this.updatedAt = now;
  }

  void disable(Instant now) {
    if (enabled) {
      enabled = false;
      updatedAt = now;
    }
  }

  void enable(Instant now) {
    if (!enabled) {
      enabled = true;
      updatedAt = now;
    }
  }

  void offerTelegramLink(String codeHash, Instant expiresAt, Instant now) {
    this.telegramCodeHash = codeHash;
    this.telegramCodeExpiresAt = expiresAt;
    this.updatedAt = now;
  }

  boolean telegramCodeValidAt(Instant now) {
    return telegramCodeHash != null && telegramCodeExpiresAt != null && now.isBefore(telegramCodeExpiresAt);
  }

  void linkTelegram(long chatId, Instant now) {
    this.telegramChatId = chatId;
    this.telegramCodeHash = null;
    this.telegramCodeExpiresAt = null;
    this.updatedAt = now;
  }

  void unlinkTelegram(Instant now) {
    this.telegramChatId = null;
    this.telegramCodeHash = null;
    this.telegramCodeExpiresAt = null;
    this.updatedAt = now;
  }

  StaffStatus status() {
    if (!enabled) {
      return StaffStatus.DISABLED;
    }
    return passwordHash == null ? StaffStatus.INVITED : StaffStatus.ACTIVE;
  }

  UUID getId() {
    return id;
  }

  String getUsername() {
    return username;
  }

  String getDisplayName() {
    return displayName;
  }

  String getEmail() {
    return email;
  }

  Set<StaffRole> getRoles() {
    return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
  }

  boolean isEnabled() {
    return enabled;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  Instant getInvitationExpiresAt() {
    return invitationExpiresAt;
  }

  Long getTelegramChatId() {
    return telegramChatId;
  }

  Instant getTelegramCodeExpiresAt() {
    return telegramCodeExpiresAt;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  String getCreatedBy() {
    return createdBy;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
