package org.lifeline.orchestrator.feedback;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Asks the person for feedback (template feedback-request), once per request and not after an answer; returns when. */
@Component
public class SendFeedbackRequestWorker {

  private final FeedbackService service;

  SendFeedbackRequestWorker(FeedbackService service) {
    this.service = service;
  }

  @JobWorker(type = FeedbackProcess.JOB_SEND_FEEDBACK_REQUEST)
  public Map<String, Object> sendFeedbackRequest(@Variable String requestId) {
    return Map.of(FeedbackProcess.Variables.ASKED_AT, service.ask(UUID.fromString(requestId)).toString());
  }
}
