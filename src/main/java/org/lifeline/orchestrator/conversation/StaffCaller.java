package org.lifeline.orchestrator.conversation;

import java.util.Set;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** A member of staff (or an integrator) calling: their username and roles ({@link Roles}). */
public record StaffCaller(String username, Set<String> roles) {

  public StaffCaller {
    roles = Set.copyOf(roles);
  }

  public static StaffCaller of(Authentication authentication) {
    return new StaffCaller(
        authentication.getName(),
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("ROLE_"))
            .map(authority -> authority.substring("ROLE_".length()))
            .collect(Collectors.toSet()));
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return has(Roles.ADMIN);
  }
}
