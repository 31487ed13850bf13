package org.lifeline.orchestrator.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
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
  /** Only this machine reaches the engine's gRPC gateway, which has no authentication. */
  static final String DEFAULT_ADDRESS = "127.0.0.1";
  static final String RESOLVED_PORT = "lifeline.engine.embedded.resolved-port";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String mode = environment.getProperty("lifeline.engine.mode", EngineMode.EMBEDDED.name());
    if (!EngineMode.EMBEDDED.name().equalsIgnoreCase(mode)) {
      return;
    }
    int port = environment.getProperty("lifeline.engine.embedded.port", Integer.class, DEFAULT_PORT);
    InetAddress address = address(environment.getProperty("lifeline.engine.embedded.address", DEFAULT_ADDRESS));
    int resolvedPort = port == 0 ? freePort(address) : port;
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "lifelineEmbeddedEngine",
                Map.of(
                    RESOLVED_PORT, resolvedPort,
                    "camunda.client.grpc-address", "http://" + clientHost(address) + ":" + resolvedPort,
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

  static InetAddress address(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("lifeline.engine.embedded.address: unknown address " + address, e);
    }
  }

  /** How a client on this machine reaches a gateway listening on the address: the wildcard is reached locally. */
  static String clientHost(InetAddress listening) {
    if (listening.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String host = listening.getHostAddress();
    return listening instanceof Inet6Address ? "[" + host + "]" : host;
  }

  private static int freePort(InetAddress address) {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }
}
