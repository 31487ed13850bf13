package org.lifeline.orchestrator.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.ZeebeClientBuilder;
import io.camunda.zeebe.client.impl.ZeebeObjectMapper;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbStateEngineFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * The in-process engine: Zeebe's in-memory engine whose state is kept in RocksDB in a scratch directory, removed when
 * the engine stops (the platform's database re-drives open requests after a restart, so nothing is lost with it). Its
 * gRPC gateway has no authentication, so it listens only where it is told to (the loopback address by default).
 */
public final class EmbeddedEngine implements ZeebeTestEngine {

  private final ZeebeTestEngine engine;
  private final InetSocketAddress address;
  private final Path stateDirectory;

  private EmbeddedEngine(ZeebeTestEngine engine, InetSocketAddress address, Path stateDirectory) {
    this.engine = engine;
    this.address = address;
    this.stateDirectory = stateDirectory;
  }

  /** @param address where the gRPC gateway listens (a real port, not 0) */
  public static EmbeddedEngine start(InetSocketAddress address, DataSize stateMemory) throws IOException {
    Path stateDirectory = Files.createTempDirectory("lifeline-engine-state-");
    EmbeddedEngine engine =
        new EmbeddedEngine(
            RocksDbStateEngineFactory.create(address, stateDirectory, stateMemory.toBytes()), address, stateDirectory);
    engine.start();
    return engine;
  }

  /** Where the gRPC gateway listens. */
  public InetSocketAddress address() {
    return address;
  }

  Path stateDirectory() {
    return stateDirectory;
  }

  @Override
  public void start() {
    engine.start();
  }

  @Override
  public void stop() {
    try {
      engine.stop();
    } finally {
      FileSystemUtils.deleteRecursively(stateDirectory.toFile());
    }
  }

  @Override
  public RecordStreamSource getRecordStreamSource() {
    return engine.getRecordStreamSource();
  }

  @Override
  public ZeebeClient createClient() {
    return clientBuilder().build();
  }

  @Override
  public ZeebeClient createClient(ObjectMapper objectMapper) {
    return clientBuilder().withJsonMapper(new ZeebeObjectMapper(objectMapper)).build();
  }

  /** Where a client on this machine reaches the gateway (the test engine's own answer is always 0.0.0.0). */
  @Override
  public String getGatewayAddress() {
    return EmbeddedEngineEnvironment.clientHost(address.getAddress()) + ":" + address.getPort();
  }

  private ZeebeClientBuilder clientBuilder() {
    return ZeebeClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .preferRestOverGrpc(false)
        .gatewayAddress(getGatewayAddress())
        .usePlaintext();
  }

  @Override
  public void increaseTime(Duration timeToAdd) {
    engine.increaseTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
    engine.waitForIdleState(timeout);
  }

  @Override
  public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
    engine.waitForBusyState(timeout);
  }
}
