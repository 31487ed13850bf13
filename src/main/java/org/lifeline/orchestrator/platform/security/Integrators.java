package org.lifeline.orchestrator.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The configured integrators ({@code lifeline.security.integrators}), found by name or by API key, and the one making
 * the current call. Checked at startup: a name each (unique, usable as an audit actor and a metric tag), a unique key
 * of at least {@value #MIN_KEY_LENGTH} characters unless it is an OAuth2 client, at least one channel, and no name a
 * configured user has.
 */
@Component
public class Integrators {

  static final int MIN_KEY_LENGTH = 16;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  private final Map<String, Integrator> byName = new LinkedHashMap<>();
  private final List<Keyed> keyed = new ArrayList<>();

  Integrators(SecurityProperties properties, Environment environment) {
    if (Binder.get(environment).bind("lifeline.security.integrator-keys", Bindable.listOf(String.class)).isBound()) {
      throw new IllegalStateException(
          "lifeline.security.integrator-keys is replaced by lifeline.security.integrators, one entry per integrator:"
              + " {name, key, channels} (see docs/security.md)");
    }
    Set<String> keys = new HashSet<>();
    for (SecurityProperties.IntegratorAccount account : properties.integrators()) {
      String name = account.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw invalid(name, "needs a name of letters, digits and . _ @ - (at most 100)");
      }
      if (byName.containsKey(name)) {
        throw invalid(name, "is configured twice");
      }
      if (properties.users().stream().anyMatch(user -> name.equalsIgnoreCase(user.username()))) {
        throw invalid(name, "has the name of a configured user (lifeline.security.users): audit rows, metrics and rate"
            + " limits would not tell them apart");
      }
      if (account.channels() == null || account.channels().isEmpty()) {
        throw invalid(name, "needs its channels (one or more of telegram, web, api, email)");
      }
      if (account.webhook() != null && (account.webhook().url() == null || !account.webhook().url().isAbsolute()
          || account.webhook().secret() == null || account.webhook().secret().isBlank())) {
        throw invalid(name, "has a webhook without an absolute url or without a secret");
      }
      Integrator integrator = new Integrator(name, account.channels(), Optional.ofNullable(account.webhook()));
      byName.put(name, integrator);
      if (account.key() != null) {
        if (account.key().length() < MIN_KEY_LENGTH) {
          throw invalid(name, "has a key shorter than " + MIN_KEY_LENGTH + " characters");
        }
        if (!keys.add(account.key())) {
          throw invalid(name, "has the key of another integrator");
        }
        keyed.add(new Keyed(account.key().getBytes(StandardCharsets.UTF_8), integrator));
      }
    }
  }

  public List<Integrator> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Integrator> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Whether an integrator has this name, in any case (usernames are not case-sensitive: nobody may take it). */
  public boolean hasName(String name) {
    return name != null && byName.keySet().stream().anyMatch(name::equalsIgnoreCase);
  }

  /** The integrator with this API key; every key is compared, in constant time, so timing does not reveal one. */
  public Optional<Integrator> withKey(String presented) {
    byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
    Integrator found = null;
    for (Keyed candidate : keyed) {
      if (MessageDigest.isEqual(candidate.key(), bytes)) {
        found = candidate.integrator();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The integrator making the current call; empty for people (staff) and anonymous callers. */
  public Optional<Integrator> current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  /**
   * The integrator behind these credentials: an API key, an OAuth2 token with the integrator scope (its client id is
   * its name; one the configuration does not describe may use every channel). Empty for people: a staff role wins.
   */
  public Optional<Integrator> of(Authentication authentication) {
    if (!isIntegrator(authentication)) {
      return Optional.empty();
    }
    String name = authentication.getName();
    return Optional.of(named(name).orElseGet(() -> Integrator.unconfigured(name)));
  }

  /** Whether these credentials are an integrator's (the integrator role and no staff role), not a person's. */
  public static boolean isIntegrator(Authentication authentication) {
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
      return false;
    }
    Set<String> roles = new HashSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      roles.add(authority.getAuthority());
    }
    return roles.contains("ROLE_" + Roles.INTEGRATOR) && Roles.STAFF.stream().noneMatch(role -> roles.contains("ROLE_" + role));
  }

  private static IllegalStateException invalid(String name, String problem) {
    return new IllegalStateException("lifeline.security.integrators: the integrator '" + name + "' " + problem);
  }

  private record Keyed(byte[] key, Integrator integrator) {}
}
