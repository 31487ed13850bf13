package org.lifeline.orchestrator.staff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.lifeline.orchestrator.platform.security.SecurityProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works on the line, for the other features: whom to alert and how, who may be on duty. Knows the enabled staff
 * accounts and the configured users; disabled accounts are nobody here.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

  private final StaffAccountRepository accounts;
  private final SecurityProperties security;

  StaffDirectory(StaffAccountRepository accounts, SecurityProperties security) {
    this.accounts = accounts;
    this.security = security;
  }

  /**
   * How to reach an active staff member; empty for an unknown or disabled one, and for one invited who has not set a
   * password yet (they could not sign in to act on an alert, so they are neither alerted nor put on duty).
   */
  public Optional<StaffContact> contact(String username) {
    Optional<SecurityProperties.UserAccount> configured = configured(username);
    if (configured.isPresent()) {
      return Optional.of(
          new StaffContact(
              configured.get().username(), configured.get().username(), Optional.empty(), OptionalLong.empty(),
              rolesOf(configured.get().roles())));
    }
    return accounts
        .findByUsername(username)
        .filter(account -> account.status() == StaffStatus.ACTIVE)
        .map(
            account ->
                new StaffContact(
                    account.getUsername(),
                    account.getDisplayName(),
                    Optional.ofNullable(account.getEmail()),
                    account.getTelegramChatId() == null ? OptionalLong.empty() : OptionalLong.of(account.getTelegramChatId()),
                    account.getRoles()));
  }

  /**
   * The name a staff account was given, disabled or not (what they wrote keeps its author's name); a configured user
   * has none, only a username.
   */
  public Optional<String> displayName(String username) {
    if (configured(username).isPresent()) {
      return Optional.empty();
    }
    return accounts.findByUsername(username).map(StaffAccount::getDisplayName).filter(name -> !name.isBlank());
  }

  /** Whether this active staff member has the role. */
  public boolean hasRole(String username, StaffRole role) {
    return contact(username).map(found -> found.roles().contains(role)).orElse(false);
  }

  /** The usernames of everyone active with the role, configured users included, in order. */
  public List<String> withRole(StaffRole role) {
    Set<String> usernames = new TreeSet<>();
    security.users().stream()
        .filter(user -> rolesOf(user.roles()).contains(role))
        .forEach(user -> usernames.add(user.username()));
    accounts.findActiveWithRole(role).forEach(account -> usernames.add(account.getUsername()));
    return List.copyOf(usernames);
  }

  static Set<StaffRole> rolesOf(Collection<String> configured) {
    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    for (String role : configured) {
      try {
        roles.add(StaffRole.valueOf(role.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException notAStaffRole) {
        // INTEGRATOR or a typo: no staff role
      }
    }
    return roles;
  }

  private Optional<SecurityProperties.UserAccount> configured(String username) {
    return security.users().stream().filter(user -> user.username().equalsIgnoreCase(username)).findFirst();
  }
}
