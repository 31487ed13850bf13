package org.lifeline.orchestrator.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * The feedback step of one request, for the integrator and staff: whether it was asked, reminded, answered, and the
 * rating. Not the comment (curators read it in the console) nor who answered.
 */
public record FeedbackView(
    UUID requestId,
    Instant askedAt,
    Instant remindedAt,
    boolean answered,
    Integer rating,
    Instant answeredAt,
    String followUp,
    String outcome,
    Instant finishedAt) {

  static FeedbackView of(FeedbackRequest row) {
    return new FeedbackView(
        row.getRequestId(),
        row.getAskedAt(),
        row.getRemindedAt(),
        row.isAnswered(),
        row.getRating(),
        row.getAnsweredAt(),
        row.getFollowUp(),
        row.getOutcome(),
        row.getFinishedAt());
  }
}
