package org.lifeline.orchestrator.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The switch {@code lifeline.security.anonymous-intake} (default off): when on, a public web form may
 * POST /api/v1/requests without credentials. Such calls stay rate-limited per IP address.
 */
@Component(AnonymousIntake.BEAN)
public class AnonymousIntake {

  /** The bean name, for {@code @PreAuthorize("... or @anonymousIntake.allowed")}. */
  public static final String BEAN = "anonymousIntake";

  private final boolean allowed;

  AnonymousIntake(@Value("${lifeline.security.anonymous-intake:false}") boolean allowed) {
    this.allowed = allowed;
  }

  public boolean isAllowed() {
    return allowed;
  }
}
