package org.lifeline.orchestrator.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A staff member as administrators see them: no secrets, no password hash.
 *
 * @param id null for a configured user ({@code source = configuration}), who is changed in the configuration only
 * @param invitationExpiresAt while an invitation link is open
 * @param telegramLinked whether alerts can reach them in Telegram
 */
public record StaffView(
    UUID id,
    String username,
    String displayName,
    String email,
    Set<StaffRole> roles,
    StaffStatus status,
    String source,
    Instant invitationExpiresAt,
    boolean telegramLinked,
    Instant createdAt,
    String createdBy) {

  static final String DATABASE = "database";
  static final String CONFIGURATION = "configuration";

  static StaffView of(StaffAccount account) {
    return new StaffView(
        account.getId(),
        account.getUsername(),
        account.getDisplayName(),
        account.getEmail(),
        account.getRoles(),
        account.status(),
        DATABASE,
        account.getInvitationExpiresAt(),
        account.getTelegramChatId() != null,
        account.getCreatedAt(),
        account.getCreatedBy());
  }

  public boolean configured() {
    return CONFIGURATION.equals(source);
  }

  public boolean has(StaffRole role) {
    return roles.contains(role);
  }
}
