package org.lifeline.orchestrator.intake;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.engine.EngineHandOff;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every open request a process instance in the current engine: soon after intake (handed off, so that taking
 * a request in costs a database write, not a round trip to the engine), and in
 * the background for requests stored while the engine was unreachable or whose instance was lost
 * with an embedded engine's restart. The database decides; the engine is told: a request re-driven in a status past
 * qualification resumes at the element {@link HelpRequestProcess#resumeElement} names for it, not at the start.
 */
@Component
class RequestDispatcher {

  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
  private static final List<RequestStatus> FINAL_STATUSES =
      Arrays.stream(RequestStatus.values()).filter(RequestStatus::isFinal).toList();
  private static final Duration START_LEASE = Duration.ofSeconds(30);

  private final CamundaClient client;
  private final ProcessModelDeployer deployer;
  private final EngineRun engineRun;
  private final HelpRequestRepository requests;
  private final RequestLifecycle lifecycle;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration retryDelay;
  private final EngineHandOff handOff;

  RequestDispatcher(
      CamundaClient client,
      ProcessModelDeployer deployer,
      EngineRun engineRun,
      HelpRequestRepository requests,
      RequestLifecycle lifecycle,
      TransactionTemplate transaction,
      Clock clock,
      @Value("${lifeline.dispatch.retry-delay:5s}") Duration retryDelay,
      EngineHandOff handOff) {
    this.client = client;
    this.deployer = deployer;
    this.engineRun = engineRun;
    this.requests = requests;
    this.lifecycle = lifecycle;
    this.transaction = transaction;
    this.clock = clock;
    this.retryDelay = retryDelay;
    this.handOff = handOff;
  }

  /** Starts the request's process in the background once the caller's transaction (if any) has committed. */
  void startSoon(UUID requestId) {
    handOff.afterCommit(() -> tryStart(requestId));
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${lifeline.dispatch.interval:2s}")
  void dispatchPending() {
    List<UUID> pending = requests.findIdsToDispatch(FINAL_STATUSES, engineRun.id(), clock.instant(), Limit.of(200));
    for (UUID requestId : pending) {
      if (!tryStart(requestId)) {
        return;
      }
    }
  }

  /**
   * Starts the request's process unless another caller is doing so.
   *
   * @return false when the engine could not be reached (the request stays pending)
   */
  boolean tryStart(UUID requestId) {
    Instant now = clock.instant();
    Integer leased =
        transaction.execute(
            status -> requests.leaseForDispatch(requestId, engineRun.id(), now, now.plus(START_LEASE)));
    if (leased == null || leased == 0) {
      return true;
    }
    try {
      deployer.ensureDeployed();
      HelpRequest request = lifecycle.get(requestId);
      if (request.getStatus().isFinal()) {
        return true; // closed (or redirected) before its turn came: nothing left to drive
      }
      Optional<String> resumeAt = HelpRequestProcess.resumeElement(request.getStatus());
      CreateProcessInstanceCommandStep3 command =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
              .latestVersion()
              .variables(startVariables(request));
      if (resumeAt.isPresent()) {
        command = command.startBeforeElement(resumeAt.get());
      }
      long processInstanceKey = command.send().join().getProcessInstanceKey();
      lifecycle.processStarted(requestId, processInstanceKey, engineRun.id());
      log.info(
          "Request {} ({}) is driven by process instance {}{}",
          requestId,
          request.getStatus(),
          processInstanceKey,
          resumeAt.map(element -> ", resumed at " + element).orElse(""));
      return true;
    } catch (RuntimeException engineUnavailable) {
      log.warn("Request {} stays stored until the engine is reachable: {}", requestId, engineUnavailable.getMessage());
      Instant retryAt = clock.instant().plus(retryDelay);
      transaction.executeWithoutResult(status -> requests.postponeDispatch(requestId, retryAt));
      return false;
    }
  }

  private static Map<String, Object> startVariables(HelpRequest request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REQUEST_ID, request.getId().toString());
    variables.put(Variables.CONTACT_ID, request.getContactId().toString());
    variables.put(Variables.CHANNEL, request.getChannel().code());
    variables.put(Variables.RISK_LEVEL, request.getRiskLevel().name());
    variables.put(Variables.STATED_AGE, request.getStatedAge());
    // The questionnaire's reminders count from here until its start says otherwise: a request waiting for its age
    // has not been heard from since intake.
    variables.put(Variables.LAST_ANSWER_AT, request.getCreatedAt().truncatedTo(ChronoUnit.MILLIS).toString());
    variables.put(Variables.REMINDERS_SENT, 0);
    return variables;
  }
}
