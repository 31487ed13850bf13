package org.lifeline.orchestrator.engine.contractfixture;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import java.util.Map;

/** A worker as the contract sees it (not a Spring bean: no job is ever handled by it). */
public class FixtureWorker {

  public record Scores(int wellbeing, int risk) {}

  @JobWorker(type = "fixtureJob")
  public void handle(@Variable String requestId, @Variable(name = "stage") String currentStage, @CustomHeaders Map<String, String> headers) {}

  @JobWorker
  public void scoreFixture(@VariablesAsType Scores scores) {}
}
