package org.lifeline.orchestrator.feedback;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Assesses a stored answer for the follow-up decision: returns {@code rating} and {@code commentRisk} (a level, never
 * the comment). A comment signalling risk is raised as an escalation signal; MEDIUM or HIGH starts the emergency
 * escalation.
 */
@Component
public class AssessFeedbackWorker {

  private final FeedbackService service;

  AssessFeedbackWorker(FeedbackService service) {
    this.service = service;
  }

  @JobWorker(type = FeedbackProcess.JOB_ASSESS_FEEDBACK)
  public Result assessFeedback(@Variable String requestId) {
    FeedbackService.Assessment assessment = service.assess(UUID.fromString(requestId));
    return new Result(assessment.rating(), assessment.commentRisk().name());
  }

  /** The process variables rating and commentRisk. */
  public record Result(int rating, String commentRisk) {}
}
