package org.lifeline.orchestrator.escalation;

import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * A risk signal as stored.
 *
 * @param escalates whether it asks for an escalation (MEDIUM or HIGH); a LOW signal is for review by the case's
 *     team and is in the request's history and risk level only
 */
public record RaisedSignal(UUID signalId, UUID requestId, RiskLevel level, String source, boolean escalates) {}
