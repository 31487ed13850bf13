package org.lifeline.orchestrator.request;

import java.util.UUID;
import org.lifeline.orchestrator.contact.Channel;

/** Published inside the transaction that changes a request's status (listen after commit). */
public record RequestStatusChanged(UUID requestId, Channel channel, RequestStatus status) {}
