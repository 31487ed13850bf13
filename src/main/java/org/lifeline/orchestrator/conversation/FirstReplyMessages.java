package org.lifeline.orchestrator.conversation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.UUID;
import org.lifeline.orchestrator.engine.EngineHandOff;
import org.lifeline.orchestrator.request.HelpRequestProcess.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the help-request process that the specialist holding the case wrote to the person for the first time, once
 * the reply is committed (message {@value Messages#FIRST_REPLY_SENT}, one message id per request and specialist). A
 * message the engine does not get is not retried: the first-contact watch asks the database when its timer fires.
 */
@Component
class FirstReplyMessages {

  private static final Logger log = LoggerFactory.getLogger(FirstReplyMessages.class);

  private final CamundaClient client;
  private final EngineHandOff handOff;

  FirstReplyMessages(CamundaClient client, EngineHandOff handOff) {
    this.client = client;
    this.handOff = handOff;
  }

  void publishAfterCommit(UUID requestId, String specialist) {
    handOff.afterCommit(() -> publish(requestId, specialist));
  }

  private void publish(UUID requestId, String specialist) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(Messages.FIRST_REPLY_SENT)
          .correlationKey(requestId.toString())
          .messageId(Messages.FIRST_REPLY_SENT + ":" + requestId + ":" + specialist)
          .timeToLive(Messages.FIRST_REPLY_SENT_TIME_TO_LIVE)
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        log.warn("FirstReplySent for request {} not published; the first-contact timer checks instead: {}", requestId, e.getMessage());
      }
    } catch (RuntimeException engineUnavailable) {
      log.warn(
          "FirstReplySent for request {} not published; the first-contact timer checks instead: {}",
          requestId,
          engineUnavailable.getMessage());
    }
  }
}
