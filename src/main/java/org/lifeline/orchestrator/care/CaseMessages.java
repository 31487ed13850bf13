package org.lifeline.orchestrator.care;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequestProcess.Messages;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the help-request process that the case was closed, once the closure is committed. The
 * message id makes a repeated closure (a retried call) harmless.
 */
@Component
public class CaseMessages {

  private final CamundaClient client;

  CaseMessages(CamundaClient client) {
    this.client = client;
  }

  @TransactionalEventListener
  public void caseClosed(CaseClosed closed) {
    publishClosed(closed.requestId(), closed.outcome());
  }

  void publishClosed(UUID requestId, String outcome) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(Messages.CASE_CLOSED)
          .correlationKey(requestId.toString())
          .messageId(Messages.CASE_CLOSED + ":" + requestId)
          .timeToLive(Messages.CASE_CLOSED_TIME_TO_LIVE)
          .variables(Map.of(Variables.CASE_OUTCOME, outcome))
          .send()
          .join();
    } catch (ClientStatusException e) {
      // Published before and still waiting in the engine: nothing more to do.
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
