package org.lifeline.orchestrator.conversation;

import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.MessageKind;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * A case the caller holds, as <em>My cases</em> lists it (API contract). No content: who wrote last and when, not
 * what.
 *
 * @param heldSince when the case was proposed to the caller
 * @param waitingSince when the person's oldest message without a staff reply after it arrived; null when nobody waits
 * @param lastMessage the latest message, null when there is none
 * @param unread the person's messages the caller has not read yet
 * @param firstReplyAt when the caller first wrote to the person; null before
 * @param remindedAt when curators last reminded the caller of the first contact; null when never
 * @param lastActivityAt the latest message, or when the case was proposed
 */
public record CaseSummary(
    UUID requestId,
    RequestStatus status,
    RiskLevel riskLevel,
    boolean priority,
    Instant heldSince,
    Instant waitingSince,
    LastMessage lastMessage,
    int unread,
    Instant firstReplyAt,
    Instant remindedAt,
    Instant lastActivityAt) {

  /** @param author {@code contact}, {@code system} or a staff username */
  public record LastMessage(long id, Instant at, Direction direction, String author, MessageKind kind) {}
}
