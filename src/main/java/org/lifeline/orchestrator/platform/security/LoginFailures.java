package org.lifeline.orchestrator.platform.security;

import java.time.Instant;

/**
 * Consecutive failed logins of one account or from one address, and when the last one was.
 *
 * @param last null when there was none
 */
public record LoginFailures(int count, Instant last) {

  public static final LoginFailures NONE = new LoginFailures(0, null);
}
