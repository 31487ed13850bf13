package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The embedded engine runs processes on its RocksDB state, leaves no state behind when it stops, keeps no more of its
 * log than its readers still need, and its gRPC gateway (no authentication) answers only where it is told to listen:
 * this machine, unless configured otherwise.
 */
class EmbeddedEngineTest {

  @Test
  void runsAProcessAndRemovesItsStateWhenStopped() throws Exception {
    EmbeddedEngine engine = EmbeddedEngine.start(loopback(freePort()), DataSize.ofMegabytes(16), true, new SimpleMeterRegistry());
    try (ZeebeClient client = engine.createClient()) {
      assertThat(engine.stateDirectory()).isDirectory();
      deployOneTask(client);
      long instance = client.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion().send().join().getProcessInstanceKey();
      List<ActivatedJob> jobs =
          client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1).send().join().getJobs();
      assertThat(jobs).hasSize(1);
      client.newCompleteCommand(jobs.get(0)).send().join();
      engine.waitForIdleState(Duration.ofSeconds(10));

      assertThat(RecordStream.of(engine.getRecordStreamSource()).processInstanceRecords())
          .filteredOn(record -> record.getValue().getProcessInstanceKey() == instance)
          .filteredOn(record -> record.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
          .extracting(record -> record.getIntent())
          .contains(ProcessInstanceIntent.ELEMENT_COMPLETED);
    } finally {
      engine.stop();
    }
    assertThat(Files.exists(engine.stateDirectory())).isFalse();
  }

  @Test
  void keepsOnlyTheRecordsNotReadYetCountsEveryRecordAndHandsSubscribersTheirKinds() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    EmbeddedEngine engine = EmbeddedEngine.start(loopback(freePort()), DataSize.ofMegabytes(16), false, meters);
    List<Long> completedJobs = new CopyOnWriteArrayList<>();
    List<Long> completedKeys = new CopyOnWriteArrayList<>();
    engine.records().subscribe(ValueType.JOB, Set.of(JobIntent.COMPLETED), record -> completedJobs.add(record.getKey()));
    engine.records().subscribeToKeys(ValueType.JOB, Set.of(JobIntent.COMPLETED), completedKeys::add);
    try (ZeebeClient client = engine.createClient()) {
      deployOneTask(client);
      int instances = 50;
      for (int i = 0; i < instances; i++) {
        client.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion().send().join();
      }
      int completed = 0;
      while (completed < instances) {
        for (ActivatedJob job : client.newActivateJobsCommand().jobType("work").maxJobsToActivate(10).send().join().getJobs()) {
          client.newCompleteCommand(job).send().join();
          completed++;
        }
      }
      engine.waitForIdleState(Duration.ofSeconds(10));
      engine.records().catchUp();

      assertThat(completedJobs).hasSize(instances).containsExactlyElementsOf(completedKeys);
      double processInstanceRecords = meters.get(EngineRecords.METRIC).tag("valueType", "PROCESS_INSTANCE").counter().count();
      assertThat(processInstanceRecords).as("process-instance records counted").isGreaterThan(instances * 10);
      assertThat(engine.records().recordsRead()).isGreaterThan((long) processInstanceRecords);
      assertThat(engine.records().retainedBlocks())
          .as("blocks of the log still held after %d records", engine.records().recordsRead())
          .isLessThan(5);
      assertThatThrownBy(() -> engine.getRecordStreamSource().getRecords()).isInstanceOf(IllegalStateException.class);
    } finally {
      engine.stop();
    }
  }

  @Test
  void movingTheEngineClockMovesThePlatformClockWithIt() throws Exception {
    EmbeddedEngine engine = EmbeddedEngine.start(loopback(freePort()), DataSize.ofMegabytes(16), false, new SimpleMeterRegistry());
    try {
      Instant before = engine.clock().instant();
      engine.increaseTime(Duration.ofDays(1));
      assertThat(Duration.between(before, engine.clock().instant())).isBetween(Duration.ofDays(1), Duration.ofDays(1).plusMinutes(1));
    } finally {
      engine.stop();
    }
  }

  @Test
  void theDefaultSettingListensOnTheLoopbackAddressOnly() throws Exception {
    int port = freePort();
    EmbeddedEngine engine = startConfigured(port, new EngineProperties(null, null));
    try (ZeebeClient client = engine.createClient()) {
      assertThat(engine.address().getAddress().isLoopbackAddress()).as("the bound address").isTrue();
      assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
      assertThat(connects(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))).isTrue();
      // Where the machine has other interfaces, the port is closed on each of them too.
      for (InetAddress other : nonLoopbackAddresses()) {
        assertThatThrownBy(() -> connects(new InetSocketAddress(other, port)))
            .as("port %d on %s", port, other)
            .isInstanceOf(ConnectException.class);
      }
    } finally {
      engine.stop();
    }
  }

  @Test
  void anotherAddressIsAnExplicitChoiceAndWarnedAbout() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    int port = freePort();
    EmbeddedEngine engine;
    try {
      engine = startConfigured(port, new EngineProperties(null, new EngineProperties.Embedded(port, "0.0.0.0")));
    } finally {
      log.detachAppender(logged);
    }
    try (ZeebeClient client = engine.createClient()) {
      assertThat(engine.address().getAddress().isAnyLocalAddress()).as("the bound address").isTrue();
      assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
      for (InetAddress other : nonLoopbackAddresses()) {
        assertThat(connects(new InetSocketAddress(other, port))).as("port %d on %s", port, other).isTrue();
      }
      assertThat(logged.list)
          .filteredOn(event -> event.getLevel() == Level.WARN)
          .singleElement()
          .satisfies(warning -> assertThat(warning.getFormattedMessage()).contains("0.0.0.0", "no authentication", "SSH tunnel"));
    } finally {
      engine.stop();
    }
  }

  private static EmbeddedEngine startConfigured(int port, EngineProperties properties) throws IOException {
    return new EmbeddedEngineConfiguration()
        .embeddedZeebeEngine(port, properties, DataSize.ofMegabytes(16), false, new SimpleMeterRegistry());
  }

  private static boolean connects(InetSocketAddress address) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, 2000);
      return socket.isConnected();
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(networkInterface -> isUp(networkInterface))
        .flatMap(networkInterface -> Collections.list(networkInterface.getInetAddresses()).stream())
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .toList();
  }

  private static boolean isUp(NetworkInterface networkInterface) {
    try {
      return networkInterface.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  /** A process with one service task of job type "work". */
  private static void deployOneTask(ZeebeClient client) {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("one-task").startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done(),
            "one-task.bpmn")
        .send()
        .join();
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
