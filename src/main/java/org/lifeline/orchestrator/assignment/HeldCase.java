package org.lifeline.orchestrator.assignment;

import java.time.Instant;
import java.util.UUID;

/**
 * A request a specialist holds: from the proposal they are asked to accept until the case is closed.
 *
 * @param since when their place was reserved for it
 */
public record HeldCase(UUID requestId, Instant since) {}
