package org.lifeline.orchestrator.engine.contractfixture;

import io.camunda.client.CamundaClient;

/** Publishes whatever name it is given without saying which: the contract cannot tell. */
public class UndeclaredNamePublisher {

  public void publish(CamundaClient client, String messageName, String requestId) {
    client.newPublishMessageCommand().messageName(messageName).correlationKey(requestId).send();
  }
}
