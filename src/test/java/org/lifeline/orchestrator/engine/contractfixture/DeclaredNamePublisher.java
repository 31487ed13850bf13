package org.lifeline.orchestrator.engine.contractfixture;

import io.camunda.client.CamundaClient;
import org.lifeline.orchestrator.engine.PublishesMessages;

/** Publishes whatever name it is given, and says which names those are. */
@PublishesMessages({"FixtureDeclared"})
public class DeclaredNamePublisher {

  public void publish(CamundaClient client, String messageName, String requestId) {
    client.newPublishMessageCommand().messageName(messageName).correlationKey(requestId).send();
  }
}
