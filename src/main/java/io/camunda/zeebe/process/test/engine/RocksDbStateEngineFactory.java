package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The Zeebe in-memory engine of zeebe-process-test with one part exchanged: its state lives in RocksDB, Zeebe's own
 * state store, instead of the test engine's map, which copies the whole state for every prefix lookup (so each step
 * of a process slowed down with every open process instance). Log, gateway and clock are the test engine's, so the
 * platform keeps its zero-setup embedded mode and its record stream. Its gRPC server listens on the given address
 * only (the test engine's listens on every interface, and the gateway has no authentication). In this package because
 * the test engine's parts are package-private.
 */
public final class RocksDbStateEngineFactory {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private RocksDbStateEngineFactory() {}

  /**
   * @param address where the gRPC gateway listens; the port must be a real one (not 0)
   * @param stateDirectory an empty directory the engine's state is written to; the caller deletes it after
   *     {@link ZeebeTestEngine#stop()}
   * @param stateMemoryLimit bytes of memory RocksDB may use for its caches and write buffers
   * @param logStorage where the engine's log is kept
   * @param clock the engine's clock, which tests move forward
   * @param recordStream the engine's record stream, given a reader of its log
   */
  public static ZeebeTestEngine create(
      InetSocketAddress address,
      Path stateDirectory,
      long stateMemoryLimit,
      LogStorage logStorage,
      ControlledActorClock clock,
      Function<LogStreamReader, RecordStreamSource> recordStream) {
    int port = address.getPort();
    ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();
    CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    CommandSender commandSender = new CommandSender(commandWriter);
    GatewayRequestStore requestStore = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(commandWriter, PARTITION_ID, PARTITION_COUNT, port, requestStore, jobStreamer);
    Server grpcServer = NettyServerBuilder.forAddress(address).addService(gateway).build();
    GrpcResponseWriter responseWriter = new GrpcResponseWriter(gateway, requestStore, null);

    ZeebeDb<ZbColumnFamilies> state = rocksDb(stateDirectory, stateMemoryLimit);
    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    StreamProcessor streamProcessor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(state)
            .commandResponseWriter(responseWriter)
            .partitionCommandSender(commandSender)
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                PARTITION_COUNT,
                                new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(new SimpleMeterRegistry())
            .build();

    // The idle/busy monitor registers with the test engine's own log type; the engine's log tells it of commits.
    EngineStateMonitor stateMonitor = new EngineStateMonitor(new InMemoryLogStorage(), streamProcessor);
    logStorage.addCommitListener(stateMonitor);
    return new InMemoryEngine(
        grpcServer,
        streamProcessor,
        gateway,
        state,
        logStream,
        scheduler,
        recordStream.apply(logStream.newLogStreamReader()),
        clock,
        stateMonitor);
  }

  private static ZeebeDb<ZbColumnFamilies> rocksDb(Path directory, long memoryLimit) {
    ZeebeRocksDbFactory<ZbColumnFamilies> factory =
        new ZeebeRocksDbFactory<>(
            new RocksDbConfiguration().setMemoryLimit(memoryLimit),
            new ConsistencyChecksSettings(false, false),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION_ID),
            SimpleMeterRegistry::new);
    return factory.createDb(directory.toFile());
  }
}
