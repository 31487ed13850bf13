package org.lifeline.orchestrator.feedback;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one feedback reminder (template feedback-reminder): queued once per request, never after an answer, even one
 * stored while the answer's message is still on its way to the engine.
 */
@Component
public class SendFeedbackReminderWorker {

  private final FeedbackService service;

  SendFeedbackReminderWorker(FeedbackService service) {
    this.service = service;
  }

  @JobWorker(type = FeedbackProcess.JOB_SEND_FEEDBACK_REMINDER)
  public Map<String, Object> sendFeedbackReminder(@Variable String requestId) {
    return Map.of(FeedbackProcess.Variables.REMINDED_AT, service.remind(UUID.fromString(requestId)).toString());
  }
}
