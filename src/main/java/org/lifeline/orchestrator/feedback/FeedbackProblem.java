package org.lifeline.orchestrator.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A feedback answer or link the platform refuses (problem+json); nothing is stored. */
class FeedbackProblem extends ErrorResponseException {

  private FeedbackProblem(HttpStatus status, String detail) {
    super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  static FeedbackProblem notAsked(Object requestId) {
    return new FeedbackProblem(HttpStatus.NOT_FOUND, "No feedback is collected for request " + requestId);
  }

  static FeedbackProblem invalidLink() {
    return new FeedbackProblem(HttpStatus.NOT_FOUND, "This feedback link is not valid");
  }

  static FeedbackProblem alreadyAnswered() {
    return new FeedbackProblem(HttpStatus.CONFLICT, "Feedback was already given for this request");
  }

  static FeedbackProblem linkExpired() {
    return new FeedbackProblem(HttpStatus.GONE, "This feedback link has expired");
  }

  static FeedbackProblem ended() {
    return new FeedbackProblem(HttpStatus.GONE, "Feedback for this request is no longer collected");
  }

  static FeedbackProblem badPeriod() {
    return new FeedbackProblem(HttpStatus.BAD_REQUEST, "'from' must be before 'to'");
  }
}
