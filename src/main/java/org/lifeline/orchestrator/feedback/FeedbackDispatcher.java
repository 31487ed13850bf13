package org.lifeline.orchestrator.feedback;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.care.CaseClosed;
import org.lifeline.orchestrator.engine.EngineHandOff;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the engine about feedback: starts a feedback-collection instance for each case closed as helped (stored in
 * the closing transaction, so a closed case is never lost) right after the commit, and publishes FeedbackReceived
 * after an answer's commit. Whatever could not reach the engine is retried in the background, as are feedback steps
 * whose instance was lost with an embedded engine's restart (they start again; the workers send nothing twice).
 */
@Component
class FeedbackDispatcher {

  private static final Logger log = LoggerFactory.getLogger(FeedbackDispatcher.class);
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final CamundaClient client;
  private final ProcessModelDeployer deployer;
  private final EngineRun engineRun;
  private final FeedbackService service;
  private final FeedbackRequestRepository feedback;
  private final TransactionTemplate newTransaction;
  private final Clock clock;
  private final Duration retryDelay;
  private final EngineHandOff handOff;

  FeedbackDispatcher(
      CamundaClient client,
      ProcessModelDeployer deployer,
      EngineRun engineRun,
      FeedbackService service,
      FeedbackRequestRepository feedback,
      PlatformTransactionManager transactions,
      Clock clock,
      FeedbackProperties properties,
      EngineHandOff handOff) {
    this.client = client;
    this.deployer = deployer;
    this.engineRun = engineRun;
    this.service = service;
    this.feedback = feedback;
    // Each step commits on its own, whatever transaction a caller may be in.
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.retryDelay = properties.retryDelay();
    this.handOff = handOff;
  }

  /** In the closing transaction: the feedback step is stored with the closed case, or neither is. */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  @Order(1)
  void store(CaseClosed closed) {
    service.caseClosed(closed);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Order(2)
  void onCaseClosed(CaseClosed closed) {
    if (closed.helped()) {
      handOff.submit(() -> tryStart(closed.requestId()));
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onAnswered(FeedbackAnswered answered) {
    handOff.submit(() -> tryPublish(answered.requestId()));
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${lifeline.feedback.dispatch-interval:2s}")
  void dispatchPending() {
    Instant now = clock.instant();
    for (UUID requestId : feedback.findToStart(engineRun.id(), now, Limit.of(100))) {
      if (!tryStart(requestId)) {
        return;
      }
    }
    for (UUID requestId : feedback.findAnswersToPublish(now, Limit.of(100))) {
      if (!tryPublish(requestId)) {
        return;
      }
    }
  }

  /**
   * Starts the request's feedback-collection instance unless another caller is doing so.
   *
   * @return false when the engine could not be reached (the feedback step stays pending)
   */
  boolean tryStart(UUID requestId) {
    Instant now = clock.instant();
    Integer leased =
        newTransaction.execute(status -> feedback.leaseForStart(requestId, engineRun.id(), now, now.plus(LEASE)));
    if (leased == null || leased == 0) {
      return true;
    }
    try {
      deployer.ensureDeployed();
      long key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(FeedbackProcess.PROCESS_ID)
              .latestVersion()
              .variables(
                  Map.of(
                      FeedbackProcess.Variables.REQUEST_ID, requestId.toString(),
                      FeedbackProcess.Variables.CASE_CLOSED_AT, service.caseClosedAt(requestId).toString()))
              .send()
              .join()
              .getProcessInstanceKey();
      newTransaction.executeWithoutResult(status -> feedback.started(requestId, engineRun.id(), key));
      log.info("Feedback of request {} is collected by process instance {}", requestId, key);
      return true;
    } catch (RuntimeException engineUnavailable) {
      log.warn("Feedback of request {} waits until the engine is reachable: {}", requestId, engineUnavailable.getMessage());
      Instant retryAt = clock.instant().plus(retryDelay);
      newTransaction.executeWithoutResult(status -> feedback.postponeStart(requestId, retryAt));
      return false;
    }
  }

  /**
   * Publishes FeedbackReceived for a stored answer unless another caller is doing so.
   *
   * @return false when the engine could not be reached (the answer stays to be published)
   */
  boolean tryPublish(UUID requestId) {
    Instant now = clock.instant();
    Integer leased = newTransaction.execute(status -> feedback.leaseForPublishing(requestId, now, now.plus(LEASE)));
    if (leased == null || leased == 0) {
      return true;
    }
    try {
      deployer.ensureDeployed();
      publish(requestId);
      newTransaction.executeWithoutResult(status -> feedback.markAnswerPublished(requestId, clock.instant()));
      return true;
    } catch (RuntimeException engineUnavailable) {
      log.warn("Feedback answer of request {} waits until the engine is reachable: {}", requestId, engineUnavailable.getMessage());
      Instant retryAt = clock.instant().plus(retryDelay);
      newTransaction.executeWithoutResult(status -> feedback.postponePublishing(requestId, retryAt));
      return false;
    }
  }

  private void publish(UUID requestId) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(FeedbackProcess.MESSAGE_FEEDBACK_RECEIVED)
          .correlationKey(requestId.toString())
          .messageId("feedback:" + requestId)
          .timeToLive(FeedbackProcess.ANSWER_TIME_TO_LIVE)
          .send()
          .join();
    } catch (ClientStatusException e) {
      // The same message is still waiting in the engine: it was published before, which is all we want.
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
