package org.lifeline.orchestrator.staff;

import org.lifeline.orchestrator.platform.security.Roles;

/** The roles a person on the line can have (see {@link Roles}); an integrator is not a person. */
public enum StaffRole {
  CURATOR,
  SPECIALIST,
  SUPERVISOR,
  ADMIN;

  /** The Spring Security authority of the role. */
  String authority() {
    return "ROLE_" + name();
  }
}
