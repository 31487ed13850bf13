package org.lifeline.orchestrator.intake;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.HelpRequestProcess;

/** bpmn/help-request.bpmn on the in-memory engine, without the application around it. */
@ZeebeProcessTest
class HelpRequestProcessTest {

  ZeebeTestEngine engine;
  ZeebeClient client;

  @BeforeEach
  void deploy() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/help-request.bpmn").send().join();
  }

  @Test
  void greetsThePersonFirst() throws Exception {
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
            .latestVersion()
            .variables(Map.of("requestId", "r-1", "contactId", "c-1", "channel", "telegram", "riskLevel", "NONE"))
            .send()
            .join();

    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(HelpRequestProcess.JOB_SEND_GREETING).maxJobsToActivate(1).send().join().getJobs();
    assertThat(jobs).singleElement().satisfies(job -> assertThat(job.getVariablesAsMap()).containsEntry("requestId", "r-1"));
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));

    assertThat(instance).hasPassedElement("Task_SendGreeting").isCompleted();
  }

  @Test
  void aFailedGreetingIsRetriedAndBecomesAnIncidentWhenRetriesRunOut() throws Exception {
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
            .latestVersion()
            .variables(Map.of("requestId", "r-2"))
            .send()
            .join();

    for (int attempt = 0; attempt < 5; attempt++) {
      ActivatedJob job =
          client.newActivateJobsCommand().jobType(HelpRequestProcess.JOB_SEND_GREETING).maxJobsToActivate(1).send().join().getJobs().get(0);
      client.newFailCommand(job.getKey()).retries(job.getRetries() - 1).errorMessage("channel down").send().join();
      engine.waitForIdleState(Duration.ofSeconds(5));
    }

    assertThat(instance).hasAnyIncidents().isActive();
  }
}
