package org.lifeline.orchestrator.qualification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.stereotype.Component;

/** Tells a minor where young people get help (the partner project from configuration); once per request. */
@Component
public class SendMinorRedirectWorker {

  static final String TEMPLATE = "minor-redirect";

  private final Notifications notifications;

  SendMinorRedirectWorker(Notifications notifications) {
    this.notifications = notifications;
  }

  @JobWorker(type = HelpRequestProcess.JOB_SEND_MINOR_REDIRECT)
  public void sendMinorRedirect(@Variable String requestId) {
    notifications.enqueue(UUID.fromString(requestId), TEMPLATE, TEMPLATE);
  }
}
