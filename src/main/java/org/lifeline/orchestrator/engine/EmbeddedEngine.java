package org.lifeline.orchestrator.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbStateEngineFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * The in-process engine: Zeebe's in-memory engine whose state is kept in RocksDB in a scratch directory, removed when
 * the engine stops (the platform's database re-drives open requests after a restart, so nothing is lost with it).
 */
public final class EmbeddedEngine implements ZeebeTestEngine {

  private final ZeebeTestEngine engine;
  private final Path stateDirectory;

  private EmbeddedEngine(ZeebeTestEngine engine, Path stateDirectory) {
    this.engine = engine;
    this.stateDirectory = stateDirectory;
  }

  public static EmbeddedEngine start(int port, DataSize stateMemory) throws IOException {
    Path stateDirectory = Files.createTempDirectory("lifeline-engine-state-");
    EmbeddedEngine engine =
        new EmbeddedEngine(
            RocksDbStateEngineFactory.create(port, stateDirectory, stateMemory.toBytes()), stateDirectory);
    engine.start();
    return engine;
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
    return engine.createClient();
  }

  @Override
  public ZeebeClient createClient(ObjectMapper objectMapper) {
    return engine.createClient(objectMapper);
  }

  @Override
  public String getGatewayAddress() {
    return engine.getGatewayAddress();
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
