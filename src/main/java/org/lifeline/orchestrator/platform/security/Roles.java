package org.lifeline.orchestrator.platform.security;

/** Who may do what: integrators feed requests in; people work on them. */
public final class Roles {

  public static final String INTEGRATOR = "INTEGRATOR";
  public static final String CURATOR = "CURATOR";
  public static final String SPECIALIST = "SPECIALIST";
  public static final String SUPERVISOR = "SUPERVISOR";
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
