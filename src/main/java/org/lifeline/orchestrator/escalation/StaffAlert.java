package org.lifeline.orchestrator.escalation;

import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * An alert to staff about an escalation: ids and codes only, the details are in the console.
 *
 * @param reason {@code on-duty}, {@code backup} (the review was not done within the first limit) or
 *     {@code all-supervisors} (nor within the second)
 */
public record StaffAlert(UUID escalationId, UUID requestId, RiskLevel level, String reason) {}
