package org.lifeline.orchestrator.notification;

import java.util.UUID;
import org.lifeline.orchestrator.contact.Channel;

/** Published inside the transaction that records a delivered message (listen after commit); a reply has no template. */
public record OutboundMessageSent(UUID requestId, Channel channel, String template) {}
