package org.lifeline.orchestrator.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.ZeebeClientBuilder;
import io.camunda.zeebe.client.impl.ZeebeObjectMapper;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbStateEngineFactory;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * The in-process engine: Zeebe's in-memory engine whose state is kept in RocksDB in a scratch directory, removed when
 * the engine stops (the platform's database re-drives open requests after a restart, so nothing is lost with it). Its
 * log keeps a record only until the engine has processed it and {@link EngineRecords} has seen it, so memory does not
 * grow with the requests handled. Its gRPC gateway has no authentication, so it listens only where it is told to (the
 * loopback address by default).
 *
 * <p>Its clock is the platform's clock ({@link #clock()}): deadlines the platform computes from what its database
 * knows and hands to timers are in the engine's time, also when a test moves the engine's clock forward.
 */
public final class EmbeddedEngine implements ZeebeTestEngine {

  private final ZeebeTestEngine engine;
  private final InetSocketAddress address;
  private final Path stateDirectory;
  private final EngineRecords records;
  private final AtomicLong offsetMillis;

  private EmbeddedEngine(
      ZeebeTestEngine engine, InetSocketAddress address, Path stateDirectory, EngineRecords records, AtomicLong offsetMillis) {
    this.engine = engine;
    this.address = address;
    this.stateDirectory = stateDirectory;
    this.records = records;
    this.offsetMillis = offsetMillis;
  }

  /**
   * @param address where the gRPC gateway listens (a real port, not 0)
   * @param keepRecords whether every record stays readable through {@link #getRecordStreamSource()} (tests)
   * @param meters where the engine's record counts go
   */
  public static EmbeddedEngine start(
      InetSocketAddress address, DataSize stateMemory, boolean keepRecords, MeterRegistry meters) throws IOException {
    Path stateDirectory = Files.createTempDirectory("lifeline-engine-state-");
    BoundedLogStorage log = new BoundedLogStorage();
    EngineRecords[] records = new EngineRecords[1];
    ZeebeTestEngine engine =
        RocksDbStateEngineFactory.create(
            address,
            stateDirectory,
            stateMemory.toBytes(),
            log,
            new ControlledActorClock(),
            reader -> records[0] = new EngineRecords(reader, log, keepRecords, meters));
    EmbeddedEngine embedded = new EmbeddedEngine(engine, address, stateDirectory, records[0], new AtomicLong());
    embedded.start();
    return embedded;
  }

  /** What the engine writes, as it writes it. */
  public EngineRecords records() {
    return records;
  }

  /** The engine's time: the system's, plus however far {@link #increaseTime} moved it. */
  public Clock clock() {
    return new EngineClock(offsetMillis, ZoneOffset.UTC);
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
      records.close();
      engine.stop();
    } finally {
      FileSystemUtils.deleteRecursively(stateDirectory.toFile());
    }
  }

  /**
   * Every record the engine wrote, when they are kept ({@code lifeline.engine.embedded.keep-records}, tests).
   *
   * @throws IllegalStateException when they are not
   */
  @Override
  public RecordStreamSource getRecordStreamSource() {
    return records;
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

  /** Moves the engine's clock, and with it the platform's (see {@link #clock()}). */
  @Override
  public void increaseTime(Duration timeToAdd) {
    offsetMillis.addAndGet(timeToAdd.toMillis());
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

  /** The system clock moved by the engine's offset. */
  private static final class EngineClock extends Clock {

    private final AtomicLong offsetMillis;
    private final ZoneId zone;

    EngineClock(AtomicLong offsetMillis, ZoneId zone) {
      this.offsetMillis = offsetMillis;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineClock(offsetMillis, other);
    }

    @Override
    public Instant instant() {
      return Instant.now().plusMillis(offsetMillis.get());
    }
  }
}
