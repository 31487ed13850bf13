package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Engine reachable: see OperationsEndpointsTest (the platform's own engine). */
class EngineHealthIndicatorTest {

  @Test
  void anUnreachableEngineIsDownWithTheReason() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + closedPort))
            .preferRestOverGrpc(false)
            .build()) {
      EngineHealthIndicator indicator =
          new EngineHealthIndicator(client, new EngineProperties(EngineMode.CAMUNDA, null), Duration.ofSeconds(2));

      Health health = indicator.health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("mode", EngineMode.CAMUNDA).containsKey("error");
    }
  }
}
