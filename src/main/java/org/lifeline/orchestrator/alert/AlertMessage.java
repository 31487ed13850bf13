package org.lifeline.orchestrator.alert;

import java.net.URI;
import java.util.UUID;

/**
 * An alert as a channel sends it: a subject line and a short text with a console link. Built from ids, the risk
 * level and what happened only.
 *
 * @param alertId unique per alert and channel: a channel may use it to let the receiver drop a duplicate
 */
public record AlertMessage(UUID alertId, String subject, String text, URI link) {}
