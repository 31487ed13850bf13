package org.lifeline.orchestrator.escalation;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.lifeline.orchestrator.escalation.RiskEscalationProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the engine about stored signals that escalate: right after the signal's transaction commits, and in the
 * background for signals stored while the engine was unreachable. The message id is the signal id and the
 * time-to-live is zero: a signal that finds an escalation of the request open is recorded, not queued to start a
 * second one afterwards. After an embedded engine's restart it also re-drives the escalations that were open.
 */
@Component
class RiskSignalPublisher {

  private static final Logger log = LoggerFactory.getLogger(RiskSignalPublisher.class);
  private static final Duration PUBLISH_LEASE = Duration.ofSeconds(30);

  private final CamundaClient client;
  private final ProcessModelDeployer deployer;
  private final EscalationSignalRepository signals;
  private final Escalations escalations;
  private final EngineRun engineRun;
  private final TransactionTemplate newTransaction;
  private final Clock clock;
  private final Duration retryDelay;
  private volatile boolean redriven;

  RiskSignalPublisher(
      CamundaClient client,
      ProcessModelDeployer deployer,
      EscalationSignalRepository signals,
      Escalations escalations,
      EngineRun engineRun,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${lifeline.escalation.retry-delay:2s}") Duration retryDelay) {
    this.client = client;
    this.deployer = deployer;
    this.signals = signals;
    this.escalations = escalations;
    this.engineRun = engineRun;
    // Also called after another transaction's commit, where only a new transaction may write.
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.retryDelay = retryDelay;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onRaised(RiskSignalRaised raised) {
    tryPublish(raised.signalId());
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${lifeline.escalation.publish-interval:1s}")
  void publishPending() {
    redriveEarlierRuns();
    List<UUID> pending = signals.findIdsToPublish(clock.instant(), Limit.of(100));
    for (UUID signalId : pending) {
      if (!tryPublish(signalId)) {
        return;
      }
    }
  }

  /** Once per engine run: escalations whose instances were lost with an embedded engine's restart start again. */
  void redriveEarlierRuns() {
    if (redriven) {
      return;
    }
    Integer count = newTransaction.execute(status -> escalations.redriveEarlierRuns(engineRun.id()));
    if (count != null && count > 0) {
      log.warn("{} open escalation(s) lived in an earlier engine run and are re-driven", count);
    }
    redriven = true;
  }

  /**
   * Publishes the signal's RiskDetected message unless another caller is doing so.
   *
   * @return false when the engine could not be reached (the signal stays pending)
   */
  boolean tryPublish(UUID signalId) {
    Instant now = clock.instant();
    Integer leased =
        newTransaction.execute(status -> signals.leaseForPublishing(signalId, now, now.plus(PUBLISH_LEASE)));
    if (leased == null || leased == 0) {
      return true;
    }
    try {
      deployer.ensureDeployed();
      EscalationSignal signal = signals.findById(signalId).orElseThrow();
      client
          .newPublishMessageCommand()
          .messageName(RiskEscalationProcess.MESSAGE_RISK_DETECTED)
          .correlationKey(signal.getRequestId().toString())
          .messageId(signalId.toString())
          .timeToLive(Duration.ZERO)
          .variables(
              Map.of(
                  Variables.REQUEST_ID, signal.getRequestId().toString(),
                  Variables.RISK_LEVEL, signal.getLevel().name(),
                  Variables.SIGNAL, signal.getSource()))
          .send()
          .join();
      newTransaction.executeWithoutResult(status -> signals.markPublished(signalId, clock.instant()));
      log.info("Risk signal {} ({}) of request {} published", signalId, signal.getLevel(), signal.getRequestId());
      return true;
    } catch (RuntimeException engineUnavailable) {
      log.warn("Risk signal {} stays pending until the engine is reachable: {}", signalId, engineUnavailable.getMessage());
      Instant retryAt = clock.instant().plus(retryDelay);
      newTransaction.executeWithoutResult(status -> signals.postpone(signalId, retryAt));
      return false;
    }
  }
}
