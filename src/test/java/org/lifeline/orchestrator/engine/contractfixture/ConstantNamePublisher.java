package org.lifeline.orchestrator.engine.contractfixture;

import io.camunda.client.CamundaClient;

/** Publishes and correlates messages by constant names: the contract reads them from the bytecode. */
public class ConstantNamePublisher {

  public static final String FIXTURE_COMPLETED = "FixtureCompleted";

  public void publish(CamundaClient client, String requestId) {
    client.newPublishMessageCommand().messageName(FIXTURE_COMPLETED).correlationKey(requestId).send();
    client.newCorrelateMessageCommand()
        .messageName("FixtureCorrelated")
        .correlationKey(requestId)
        .send();
  }
}
