package org.lifeline.orchestrator.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.lifeline.orchestrator.engine.EmbeddedEngine;
import org.springframework.util.unit.DataSize;

/**
 * The bare in-memory engine, as the platform runs it (same engine with its state in RocksDB, gRPC client, worker
 * threads, jobs per worker, job streaming and poll interval), with a generated process of as many service tasks as one request runs through in the platform and
 * workers that only complete their job. Its throughput is what the platform is measured against.
 */
final class BareEngineBaseline {

  private static final String PROCESS_ID = "baseline";
  private static final int IN_FLIGHT_STARTS = 64;

  record Result(int count, int serviceTasks, double seconds, double perSecond) {}

  private BareEngineBaseline() {}

  static Result run(int count, int serviceTasks, int executionThreads, int maxJobsActive, Duration pollInterval)
      throws InterruptedException, IOException {
    ZeebeTestEngine engine = EmbeddedEngine.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort()), DataSize.ofMegabytes(64), false, new SimpleMeterRegistry());
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
            .preferRestOverGrpc(false)
            .numJobWorkerExecutionThreads(executionThreads)
            .defaultJobPollInterval(pollInterval)
            .build()) {
      client.newDeployResourceCommand().addProcessModel(process(serviceTasks), PROCESS_ID + ".bpmn").send().join();
      CountDownLatch done = new CountDownLatch(count);
      List<JobWorker> workers = new ArrayList<>();
      for (int task = 1; task <= serviceTasks; task++) {
        boolean last = task == serviceTasks;
        workers.add(
            client
                .newWorker()
                .jobType(jobType(task))
                .handler(
                    (jobs, job) -> {
                      jobs.newCompleteCommand(job).send().join();
                      if (last) {
                        done.countDown();
                      }
                    })
                .maxJobsActive(maxJobsActive)
                .streamEnabled(true)
                .open());
      }
      Semaphore inFlight = new Semaphore(IN_FLIGHT_STARTS);
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        inFlight.acquire();
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS_ID)
            .latestVersion()
            .variables(Map.of("requestId", "baseline-" + i, "channel", "api", "riskLevel", "NONE", "statedAge", 34))
            .send()
            .whenComplete((instance, failure) -> inFlight.release());
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("baseline: " + done.getCount() + " of " + count + " instances did not finish");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      workers.forEach(JobWorker::close);
      return new Result(count, serviceTasks, seconds, count / seconds);
    } finally {
      engine.stop();
    }
  }

  private static BpmnModelInstance process(int serviceTasks) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS_ID).startEvent("StartEvent_Baseline");
    for (int task = 1; task <= serviceTasks; task++) {
      flow = flow.serviceTask("Task_Noop" + task).zeebeJobType(jobType(task));
    }
    return flow.endEvent("EndEvent_Baseline").done();
  }

  private static String jobType(int task) {
    return "noop" + task;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
