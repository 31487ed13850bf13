package org.lifeline.orchestrator.platform.security;

import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * The bearer tokens of people's own sessions (the web chat): the token is the person's authorisation for their own
 * request only, and the platform keeps only its hash. A token that is unknown, or whose request ended longer ago than
 * the time left to read its last messages, is refused ({@code BadOpaqueTokenException}: 401 problem+json).
 */
public interface BearerSessions extends OpaqueTokenIntrospector {

  /** The authority of a person in their own session: no staff role, no integrator. */
  String AUTHORITY = "ROLE_" + Roles.PERSON;

  /** The session's request has ended: its messages may still be read for a while (a redirect's contacts), not written. */
  String ENDED_AUTHORITY = "ROLE_" + Roles.PERSON_ENDED;
}
