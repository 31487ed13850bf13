package org.lifeline.orchestrator.curator;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The person working on tasks and what they may see. Candidate groups map to roles: {@code
 * curators} to CURATOR, {@code specialists} to SPECIALIST, {@code supervisors} to SUPERVISOR.
 * Curators and supervisors see the open tasks of their groups; specialists only the tasks assigned
 * to them; admins see everything.
 */
public record Caller(String username, Set<String> roles) {

  public static final String CURATORS = "curators";
  public static final String SPECIALISTS = "specialists";
  public static final String SUPERVISORS = "supervisors";

  private static final Map<String, String> GROUP_OF_ROLE =
      Map.of(Roles.CURATOR, CURATORS, Roles.SPECIALIST, SPECIALISTS, Roles.SUPERVISOR, SUPERVISORS);

  public Caller {
    roles = Set.copyOf(roles);
  }

  public static Caller of(Authentication authentication) {
    Set<String> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("ROLE_"))
            .map(authority -> authority.substring("ROLE_".length()))
            .collect(Collectors.toSet());
    return new Caller(authentication.getName(), roles);
  }

  public boolean isAdmin() {
    return roles.contains(Roles.ADMIN);
  }

  /** The candidate groups this person belongs to. */
  public Set<String> groups() {
    return roles.stream().map(GROUP_OF_ROLE::get).filter(group -> group != null).collect(Collectors.toSet());
  }

  /** Whether this person may list the tasks of a candidate group at all. */
  boolean mayListGroup(String group) {
    return isAdmin() || groups().contains(group);
  }

  boolean maySee(CuratorTask task) {
    if (isAdmin() || task.isAssignedTo(username)) {
      return true;
    }
    return task.candidateGroups().stream()
        .anyMatch(group -> !group.equals(SPECIALISTS) && groups().contains(group));
  }
}
