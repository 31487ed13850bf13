package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The embedded engine runs processes on its RocksDB state and leaves no state behind when it stops. */
class EmbeddedEngineTest {

  @Test
  void runsAProcessAndRemovesItsStateWhenStopped() throws Exception {
    EmbeddedEngine engine = EmbeddedEngine.start(freePort(), DataSize.ofMegabytes(16));
    try (ZeebeClient client = engine.createClient()) {
      assertThat(engine.stateDirectory()).isDirectory();
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("one-task").startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done(),
              "one-task.bpmn")
          .send()
          .join();
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
