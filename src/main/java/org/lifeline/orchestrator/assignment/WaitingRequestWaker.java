package org.lifeline.orchestrator.assignment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.UUID;
import org.lifeline.orchestrator.engine.EngineHandOff;
import org.lifeline.orchestrator.request.HelpRequestProcess.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When capacity appears, the next waiting requests (priority, then highest risk, then longest
 * waiting) are told {@value Messages#SPECIALIST_AVAILABLE} and propose again; nothing polls. Runs
 * after the change commits, so the proposal sees the new capacity, and off the caller's thread, which keeps neither
 * the caller nor its database connection waiting for the engine.
 */
@Component
public class WaitingRequestWaker {

  private static final Logger log = LoggerFactory.getLogger(WaitingRequestWaker.class);

  private final WaitingQueue queue;
  private final CamundaClient client;
  private final int batch;
  private final EngineHandOff handOff;

  WaitingRequestWaker(
      WaitingQueue queue, CamundaClient client, AssignmentProperties properties, EngineHandOff handOff) {
    this.queue = queue;
    this.client = client;
    this.batch = properties.wakeBatch();
    this.handOff = handOff;
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void capacityAppeared(CapacityAppeared event) {
    handOff.submit(this::wakeNextWaiting);
  }

  private void wakeNextWaiting() {
    String wake = UUID.randomUUID().toString();
    for (WaitingRequest waiting : queue.nextWaiting(batch)) {
      String requestId = waiting.getRequestId().toString();
      try {
        client
            .newPublishMessageCommand()
            .messageName(Messages.SPECIALIST_AVAILABLE)
            .correlationKey(requestId)
            .messageId(Messages.SPECIALIST_AVAILABLE + ":" + requestId + ":" + wake)
            .timeToLive(Messages.SPECIALIST_AVAILABLE_TIME_TO_LIVE)
            .send()
            .join();
      } catch (ClientStatusException e) {
        if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
          log.warn("Could not wake waiting request {}; the next capacity change will", requestId, e);
        }
      }
    }
  }
}
