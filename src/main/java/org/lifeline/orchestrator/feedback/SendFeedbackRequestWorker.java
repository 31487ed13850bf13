package org.lifeline.orchestrator.feedback;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Asks the person for feedback (template feedback-request), once per request and not after an answer. */
@Component
public class SendFeedbackRequestWorker {

  private final FeedbackService service;

  SendFeedbackRequestWorker(FeedbackService service) {
    this.service = service;
  }

  @JobWorker(type = FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST)
  public void sendFeedbackRequest(@Variable String requestId) {
    service.ask(UUID.fromString(requestId));
  }
}
