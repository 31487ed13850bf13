package org.lifeline.orchestrator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.lifeline.orchestrator.notification.OutboundMessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fault: a worker does its work but "crashes" before completing the job, so the engine delivers the
 * job again when its timeout expires. Simulated by running the real worker method again for the same
 * request after the engine's own delivery (the engine cannot be made to time a job out here without
 * racing the running workers): the outbox's dedup key keeps it at one greeting.
 */
@PlatformTest
class RedeliveredJobTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired SendGreetingWorker worker;
  @Autowired OutboundMessageRepository outbox;

  @Test
  void aRedeliveredGreetingJobSendsNoSecondMessage() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    UUID id =
        UUID.fromString(
            api.createRequest("{\"channel\":\"web\",\"channelUserId\":\"redelivery-" + UUID.randomUUID() + "\",\"age\":30}")
                .get("id")
                .asText());
    api.awaitRequest(id, request -> ApiClient.hasOutbound(request, SendGreetingWorker.TEMPLATE));

    worker.sendGreeting(id.toString());
    worker.sendGreeting(id.toString());

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> outbox.findByRequestIdOrderByCreatedAt(id).stream().noneMatch(m -> m.getStatus() == OutboundMessage.Status.PENDING));
    assertThat(outbox.findByRequestIdOrderByCreatedAt(id))
        .filteredOn(message -> message.getTemplate().equals(SendGreetingWorker.TEMPLATE))
        .singleElement()
        .extracting(OutboundMessage::getStatus)
        .isEqualTo(OutboundMessage.Status.SENT);
    JsonNode request = api.request(id);
    assertThat(ApiClient.countOutbound(request, SendGreetingWorker.TEMPLATE)).isEqualTo(1);
  }
}
