package org.lifeline.orchestrator.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code engine}: can the platform reach the workflow engine (a topology request
 * with a short timeout)? While it is DOWN, requests are still taken and stored; their processes
 * start when the engine is back. Replaces the Camunda starter's own indicator, which waits for the
 * client's default timeout and shows no details.
 */
@Component
class EngineHealthIndicator implements HealthIndicator {

  private final CamundaClient client;
  private final EngineMode mode;
  private final Duration timeout;

  EngineHealthIndicator(
      CamundaClient client, EngineProperties engine, @Value("${lifeline.engine.health-timeout:3s}") Duration timeout) {
    this.client = client;
    this.mode = engine.mode();
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    try {
      Topology topology =
          client.newTopologyRequest().requestTimeout(timeout).send().join(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
      Health.Builder health = topology.getBrokers().isEmpty() ? Health.down() : Health.up();
      return health
          .withDetail("mode", mode)
          .withDetail("brokers", topology.getBrokers().size())
          .withDetail("partitions", topology.getPartitionsCount())
          .withDetail("gatewayVersion", String.valueOf(topology.getGatewayVersion()))
          .build();
    } catch (RuntimeException unreachable) {
      return Health.down()
          .withDetail("mode", mode)
          .withDetail("error", unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage())
          .build();
    }
  }
}
