package org.lifeline.orchestrator.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the Camunda client at the in-process engine before any bean is created. The in-memory
 * engine speaks gRPC only, so the client must not prefer REST (its 8.8 default).
 */
public class EmbeddedEngineEnvironment implements EnvironmentPostProcessor {

  static final int DEFAULT_PORT = 26500;
  static final String RESOLVED_PORT = "lifeline.engine.embedded.resolved-port";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String mode = environment.getProperty("lifeline.engine.mode", EngineMode.EMBEDDED.name());
    if (!EngineMode.EMBEDDED.name().equalsIgnoreCase(mode)) {
      return;
    }
    int port = environment.getProperty("lifeline.engine.embedded.port", Integer.class, DEFAULT_PORT);
    int resolvedPort = port == 0 ? freePort() : port;
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "lifelineEmbeddedEngine",
                Map.of(
                    RESOLVED_PORT, resolvedPort,
                    "camunda.client.grpc-address", "http://127.0.0.1:" + resolvedPort,
                    "camunda.client.prefer-rest-over-grpc", false)));
    // The in-memory engine has no long polling: every poll is a record it keeps (~20 workers polling every 100 ms
    // wrote 400 a second while idle). It pushes jobs to streaming workers instead; polling only catches a missed push.
    // Defaults only, for this mode alone: the 8.8 client can hang on close when a stream is being re-opened (an engine
    // that went away), which a remote cluster can do and the in-process engine does not.
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "lifelineEmbeddedEngineDefaults",
                Map.of(
                    "camunda.client.worker.defaults.stream-enabled", true,
                    "camunda.client.worker.defaults.poll-interval", "5s")));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }
}
