package org.lifeline.orchestrator.platform.security;

import java.util.Set;

/** Who may do what: integrators feed requests in; people work on them. */
public final class Roles {

  public static final String INTEGRATOR = "INTEGRATOR";
  public static final String CURATOR = "CURATOR";
  public static final String SPECIALIST = "SPECIALIST";
  public static final String SUPERVISOR = "SUPERVISOR";
  public static final String ADMIN = "ADMIN";
  /** The person behind a request, in their own web chat session: reaches that conversation only. */
  public static final String PERSON = "PERSON";
  /** The same person once their request has ended: reads the last messages for a while, writes nothing. */
  public static final String PERSON_ENDED = "PERSON_ENDED";

  /** The people's roles: whoever has one of them is treated as a person, not as an integrator. */
  public static final Set<String> STAFF = Set.of(CURATOR, SPECIALIST, SUPERVISOR, ADMIN);

  private Roles() {}
}
