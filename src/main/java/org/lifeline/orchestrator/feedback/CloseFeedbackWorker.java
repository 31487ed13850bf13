package org.lifeline.orchestrator.feedback;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Ends the feedback step: records how it ended ("no feedback" when nothing came; else the follow-up and the curator's
 * outcome code) and closes the request (status CLOSED), unless the request already ended otherwise.
 */
@Component
public class CloseFeedbackWorker {

  private final FeedbackService service;

  CloseFeedbackWorker(FeedbackService service) {
    this.service = service;
  }

  @JobWorker(type = FeedbackProcess.JOB_CLOSE_FEEDBACK)
  public void closeFeedback(
      @Variable String requestId,
      @Variable(optional = true) String followUp,
      @Variable(optional = true) String followUpOutcome) {
    service.close(UUID.fromString(requestId), followUp, followUpOutcome);
  }
}
