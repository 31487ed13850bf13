package org.lifeline.orchestrator.staff;

import java.net.URI;
import java.time.Instant;

/**
 * A one-time link to set one's password, shown once to the administrator who made it (only its hash is stored).
 *
 * @param url the console page that sets the password
 */
public record Invitation(URI url, Instant expiresAt) {}
