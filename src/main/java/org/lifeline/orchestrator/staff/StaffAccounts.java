package org.lifeline.orchestrator.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lifeline.orchestrator.platform.ConsoleLinks;
import org.lifeline.orchestrator.platform.security.Integrators;
import org.lifeline.orchestrator.platform.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: administrators invite, change, disable and enable them; each person sets their password through
 * their invitation and changes it later. The configured users ({@code lifeline.security.users}) are listed beside
 * them, read-only: their names cannot be taken by an account, nor can an integrator's.
 */
@Service
@Transactional
public class StaffAccounts {

  static final String INVITATION_PATH = "/console/invitation/";
  private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

  private final StaffAccountRepository accounts;
  private final SecurityProperties security;
  private final Integrators integrators;
  private final PasswordPolicy policy;
  private final PasswordEncoder passwords;
  private final ConsoleLinks links;
  private final StaffProperties properties;
  private final Clock clock;

  StaffAccounts(
      StaffAccountRepository accounts,
      SecurityProperties security,
      Integrators integrators,
      PasswordPolicy policy,
      PasswordEncoder passwords,
      ConsoleLinks links,
      StaffProperties properties,
      Clock clock) {
    this.accounts = accounts;
    this.security = security;
    this.integrators = integrators;
    this.policy = policy;
    this.passwords = passwords;
    this.links = links;
    this.properties = properties;
    this.clock = clock;
  }

  /** Everyone: the configured users first, then the accounts, each by username. */
  @Transactional(readOnly = true)
  public List<StaffView> list() {
    List<StaffView> all = new ArrayList<>(configuredUsers());
    accounts.findAllByOrderByUsername().forEach(account -> all.add(StaffView.of(account)));
    all.sort(Comparator.comparing((StaffView view) -> !view.configured()).thenComparing(StaffView::username));
    return all;
  }

  /** By id or by username. */
  @Transactional(readOnly = true)
  public StaffView get(String idOrUsername) {
    return find(idOrUsername).map(StaffView::of).or(() -> configured(idOrUsername)).orElseThrow(() -> notFound(idOrUsername));
  }

  /** A new account with a one-time link to set its password. */
  public InvitedStaff invite(StaffDraft draft, String actor) {
    checkAvailable(draft.username());
    StaffAccount account = new StaffAccount(draft.username(), draft.displayName(), draft.email(), draft.roles(), actor, now());
    Invitation invitation = newInvitation(account);
    accounts.saveAndFlush(account);
    log.info("Staff account '{}' invited by '{}' with roles {}", account.getUsername(), actor, account.getRoles());
    return new InvitedStaff(StaffView.of(account), invitation);
  }

  /** Many new accounts at once (an onboarding file), each with its link; the caller checked the names are free. */
  public List<InvitedStaff> inviteAll(List<StaffDraft> drafts, String actor) {
    List<InvitedStaff> invited = new ArrayList<>();
    for (StaffDraft draft : drafts) {
      StaffAccount account = new StaffAccount(draft.username(), draft.displayName(), draft.email(), draft.roles(), actor, now());
      invited.add(new InvitedStaff(StaffView.of(account), newInvitation(account)));
      accounts.save(account);
    }
    accounts.flush();
    log.info("{} staff accounts invited by '{}'", drafts.size(), actor);
    return invited;
  }

  /** Of the given usernames, those an account or a configured user already has. */
  @Transactional(readOnly = true)
  public Set<String> taken(List<String> usernames) {
    Set<String> taken = new java.util.HashSet<>(usernames.isEmpty() ? List.of() : accounts.findExistingUsernames(usernames));
    usernames.stream().filter(username -> isConfigured(username) || integrators.hasName(username)).forEach(taken::add);
    return taken;
  }

  public StaffView change(String idOrUsername, StaffChange change, String actor) {
    StaffAccount account = existing(idOrUsername);
    if (account.getUsername().equals(actor) && account.getRoles().contains(StaffRole.ADMIN)
        && !change.roles().contains(StaffRole.ADMIN)) {
      throw new StaffProblems.Conflict("roles", "cannot take away your own ADMIN role: ask another administrator");
    }
    account.describe(change.displayName(), change.email(), change.roles(), now());
    log.info("Staff account '{}' changed by '{}': roles {}", account.getUsername(), actor, account.getRoles());
    return StaffView.of(accounts.saveAndFlush(account));
  }

  /** No more logins or alerts; a console session ends at its next page. */
  public StaffView disable(String idOrUsername, String actor) {
    StaffAccount account = existing(idOrUsername);
    if (account.getUsername().equals(actor)) {
      throw new StaffProblems.Conflict("id", "cannot disable your own account: ask another administrator");
    }
    account.disable(now());
    log.info("Staff account '{}' disabled by '{}'", account.getUsername(), actor);
    return StaffView.of(accounts.saveAndFlush(account));
  }

  public StaffView enable(String idOrUsername, String actor) {
    StaffAccount account = existing(idOrUsername);
    account.enable(now());
    log.info("Staff account '{}' enabled by '{}'", account.getUsername(), actor);
    return StaffView.of(accounts.saveAndFlush(account));
  }

  /** A new one-time link (the last one was lost or expired, or the password forgotten); any earlier link stops. */
  public InvitedStaff reinvite(String idOrUsername, String actor) {
    StaffAccount account = existing(idOrUsername);
    if (!account.isEnabled()) {
      throw new StaffProblems.Conflict("id", "is disabled: enable the account first");
    }
    Invitation invitation = newInvitation(account);
    accounts.saveAndFlush(account);
    log.info("New invitation link for staff account '{}' made by '{}'", account.getUsername(), actor);
    return new InvitedStaff(StaffView.of(account), invitation);
  }

  /** The account an open invitation link belongs to (for the page that asks for the password). */
  @Transactional(readOnly = true)
  public StaffView invited(String token) {
    return StaffView.of(openInvitation(token));
  }

  /**
   * Sets the password through a one-time link; the link is used up and the person can log in at once.
   *
   * @return their username
   */
  public String acceptInvitation(String token, String password) {
    StaffAccount account = openInvitation(token);
    checkPolicy("password", password, account.getUsername());
    account.setPassword(passwords.encode(password), now());
    accounts.saveAndFlush(account);
    log.info("Staff account '{}' set its password through its invitation", account.getUsername());
    return account.getUsername();
  }

  /** A person changes their own password, proving the current one. */
  public void changePassword(String username, String currentPassword, String newPassword) {
    if (isConfigured(username)) {
      throw new StaffProblems.Conflict(
          "username", "is a configured user: the password is set in lifeline.security.users");
    }
    StaffAccount account = accounts.findByUsername(username).orElseThrow(() -> notFound(username));
    if (currentPassword == null || account.getPasswordHash() == null
        || !passwords.matches(currentPassword, account.getPasswordHash())) {
      throw new StaffProblems.InvalidPassword("currentPassword", List.of("is not your current password"));
    }
    checkPolicy("newPassword", newPassword, username);
    if (passwords.matches(newPassword, account.getPasswordHash())) {
      throw new StaffProblems.InvalidPassword("newPassword", List.of("must differ from the current password"));
    }
    account.setPassword(passwords.encode(newPassword), now());
    accounts.saveAndFlush(account);
    log.info("Staff account '{}' changed its password", username);
  }

  /** What the console tells a person about the password they choose. */
  public int minPasswordLength() {
    return policy.minLength();
  }

  private void checkPolicy(String field, String password, String username) {
    List<String> problems = policy.problems(password, username);
    if (!problems.isEmpty()) {
      throw new StaffProblems.InvalidPassword(field, problems);
    }
  }

  private StaffAccount openInvitation(String token) {
    Optional<StaffAccount> account =
        token == null || token.length() > 100 ? Optional.empty() : accounts.findByInvitationHash(OneTimeSecrets.hash(token));
    return account
        .filter(found -> found.isEnabled() && found.invitationValidAt(clock.instant()))
        .orElseThrow(
            () -> new StaffProblems.NotFound(
                "This invitation link is not valid: it was used, replaced by a newer one or has expired. Ask an"
                    + " administrator for a new one."));
  }

  private Invitation newInvitation(StaffAccount account) {
    String token = OneTimeSecrets.newToken();
    Instant expiresAt = now().plus(properties.invitationValidity());
    account.invite(OneTimeSecrets.hash(token), expiresAt, now());
    return new Invitation(links.to(INVITATION_PATH + token), expiresAt);
  }

  private void checkAvailable(String username) {
    if (isConfigured(username)) {
      throw new StaffProblems.Conflict("username", "'" + username + "' is a configured user (lifeline.security.users)");
    }
    if (integrators.hasName(username)) {
      // Audit rows, metrics and rate limits name both by that name: they could not be told apart.
      throw new StaffProblems.Conflict("username", "'" + username + "' is an integrator's name (lifeline.security.integrators)");
    }
    if (accounts.findByUsername(username).isPresent()) {
      throw new StaffProblems.Conflict("username", "'" + username + "' belongs to another staff member");
    }
  }

  private StaffAccount existing(String idOrUsername) {
    return find(idOrUsername)
        .orElseThrow(
            () -> isConfigured(idOrUsername)
                ? new StaffProblems.Conflict("id", "'" + idOrUsername + "' is a configured user: change it in lifeline.security.users")
                : notFound(idOrUsername));
  }

  private Optional<StaffAccount> find(String idOrUsername) {
    try {
      return accounts.findById(UUID.fromString(idOrUsername));
    } catch (IllegalArgumentException notAnId) {
      return accounts.findByUsername(idOrUsername.toLowerCase(Locale.ROOT));
    }
  }

  boolean isConfigured(String username) {
    return security.users().stream().anyMatch(user -> user.username().equalsIgnoreCase(username));
  }

  private Optional<StaffView> configured(String username) {
    return configuredUsers().stream().filter(view -> view.username().equalsIgnoreCase(username)).findFirst();
  }

  private List<StaffView> configuredUsers() {
    return security.users().stream()
        .map(
            user ->
                new StaffView(
                    null,
                    user.username(),
                    user.username(),
                    null,
                    StaffDirectory.rolesOf(user.roles()),
                    StaffStatus.ACTIVE,
                    StaffView.CONFIGURATION,
                    null,
                    false,
                    null,
                    null))
        .toList();
  }

  private static StaffProblems.NotFound notFound(String idOrUsername) {
    return new StaffProblems.NotFound("No staff member '" + idOrUsername + "'");
  }

  /** Microseconds, as the database stores them. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
