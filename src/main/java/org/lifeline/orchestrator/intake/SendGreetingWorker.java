package org.lifeline.orchestrator.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.stereotype.Component;

/** Greets the person automatically; at most once per request, however often the job is delivered. */
@Component
public class SendGreetingWorker {

  static final String TEMPLATE = "greeting";

  private final Notifications notifications;

  SendGreetingWorker(Notifications notifications) {
    this.notifications = notifications;
  }

  @JobWorker(type = HelpRequestProcess.JOB_SEND_GREETING)
  public void sendGreeting(@Variable String requestId) {
    notifications.enqueue(UUID.fromString(requestId), TEMPLATE, TEMPLATE);
  }
}
