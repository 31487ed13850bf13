package org.lifeline.orchestrator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.WorkerCrashes;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.lifeline.orchestrator.notification.OutboundMessageRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fault: the greeting worker does its work (the greeting is queued) but crashes before it completes the job. The
 * engine never hears of the completion, times the job out and hands it out again; the worker runs a second time and
 * the outbox's dedup key keeps it at one greeting, and the request moves on.
 */
@PlatformTest
class RedeliveredJobTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired WorkerCrashes crashes;
  @Autowired CamundaClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired ContactDirectory contacts;
  @Autowired HelpRequestRepository requests;
  @Autowired OutboundMessageRepository outbox;

  @AfterEach
  void disarm() {
    crashes.disarm();
  }

  @Test
  void aGreetingJobWhoseWorkerCrashedTimesOutIsDeliveredAgainAndSendsNoSecondMessage() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    String handle = "redelivery-" + UUID.randomUUID();
    WorkerCrashes.Crash crash = crashes.afterWork(HelpRequestProcess.JOB_SEND_GREETING, requestId -> isOf(requestId, handle));
    UUID id =
        UUID.fromString(
            api.createRequest("{\"channel\":\"web\",\"channelUserId\":\"" + handle + "\",\"age\":30}").get("id").asText());

    long jobKey = crash.lostJob().get(45, TimeUnit.SECONDS);
    // The worker's job timeout (the client's default, 5 minutes) would run out by itself; shortening this job's
    // timeout through the engine's API lets the engine's own timeout check fire now, without moving the clock of
    // the engine every test shares.
    client.newUpdateTimeoutCommand(jobKey).timeout(Duration.ofMillis(1)).send().join();

    JsonNode movedOn = api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
    List<String> jobHistory = historyOf(jobKey);
    assertThat(jobHistory).containsSubsequence("CREATED", "ACTIVATED", "TIMED_OUT", "ACTIVATED", "COMPLETED");
    assertThat(jobHistory).containsOnlyOnce("TIMED_OUT", "COMPLETED");

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> outbox.findByRequestIdOrderByCreatedAt(id).stream().noneMatch(m -> m.getStatus() == OutboundMessage.Status.PENDING));
    assertThat(outbox.findByRequestIdOrderByCreatedAt(id))
        .filteredOn(message -> message.getTemplate().equals(SendGreetingWorker.TEMPLATE))
        .singleElement()
        .extracting(OutboundMessage::getStatus)
        .isEqualTo(OutboundMessage.Status.SENT);
    assertThat(ApiClient.countOutbound(movedOn, SendGreetingWorker.TEMPLATE)).isEqualTo(1);
    assertThat(ApiClient.countOutbound(api.request(id), SendGreetingWorker.TEMPLATE)).isEqualTo(1);
  }

  private boolean isOf(UUID requestId, String handle) {
    return requests
        .findById(requestId)
        .map(HelpRequest::getContactId)
        .equals(contacts.find(Channel.WEB, handle).map(Contact::getId));
  }

  /** The job's life in the engine's records: its own intents, and ACTIVATED for each batch that handed it out. */
  private List<String> historyOf(long jobKey) {
    List<String> history = new ArrayList<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (record.getValueType() == ValueType.JOB && record.getKey() == jobKey && record.getIntent() instanceof JobIntent intent) {
        history.add(intent.name());
      } else if (record.getValueType() == ValueType.JOB_BATCH
          && record.getIntent() == JobBatchIntent.ACTIVATED
          && ((JobBatchRecordValue) record.getValue()).getJobKeys().contains(jobKey)) {
        history.add("ACTIVATED");
      }
    }
    return history;
  }
}
