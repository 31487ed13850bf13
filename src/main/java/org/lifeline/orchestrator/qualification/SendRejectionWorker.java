package org.lifeline.orchestrator.qualification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.stereotype.Component;

/** Tells the person that a curator rejected the request (with emergency numbers in the text); once per request. */
@Component
public class SendRejectionWorker {

  static final String TEMPLATE = "rejection";

  private final Notifications notifications;

  SendRejectionWorker(Notifications notifications) {
    this.notifications = notifications;
  }

  @JobWorker(type = HelpRequestProcess.JOB_SEND_REJECTION)
  public void sendRejection(@Variable String requestId) {
    notifications.enqueue(UUID.fromString(requestId), TEMPLATE, TEMPLATE);
  }
}
