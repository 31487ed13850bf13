package org.lifeline.orchestrator.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.lifeline.orchestrator.alert.AlertEvent;
import org.lifeline.orchestrator.alert.StaffAlerts;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.lifeline.orchestrator.staff.OnDuty;
import org.lifeline.orchestrator.staff.OnDutyRota;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an escalation in the platform's database: each one is idempotent (a redelivered job repeats nothing
 * that was recorded) and becomes an {@code ESCALATION} entry in the request's history.
 */
@Service
@Transactional
class Escalations {

  static final String ACTOR = "escalation";
  private static final Logger log = LoggerFactory.getLogger(Escalations.class);
  private static final Limit LIST_LIMIT = Limit.of(500);

  private final EscalationRepository escalations;
  private final EscalationSignalRepository signals;
  private final RequestLifecycle lifecycle;
  private final OnDutyRota rota;
  private final StaffAlerts alerts;
  private final Clock clock;

  Escalations(
      EscalationRepository escalations,
      EscalationSignalRepository signals,
      RequestLifecycle lifecycle,
      OnDutyRota rota,
      StaffAlerts alerts,
      Clock clock) {
    this.escalations = escalations;
    this.signals = signals;
    this.lifecycle = lifecycle;
    this.rota = rota;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** The escalation of this process instance, registered on first call (raises the request's risk level). */
  Escalation open(UUID requestId, String engineRun, long processInstanceKey, RiskLevel level, String source) {
    Optional<Escalation> known = escalations.findByEngineRunAndProcessInstanceKey(engineRun, processInstanceKey);
    if (known.isPresent()) {
      return known.get();
    }
    RiskLevel effective = level == null ? EscalationSignals.ESCALATION_THRESHOLD : level;
    Escalation opened =
        escalations.save(new Escalation(requestId, engineRun, processInstanceKey, effective, source, clock.instant()));
    lifecycle.raiseRisk(requestId, effective);
    lifecycle.recordEscalationStep(requestId, EscalationStep.OPENED.code(), effective, source, ACTOR);
    return opened;
  }

  /**
   * When the supervisors' ladder of this escalation started: when it opened, or, when it took over from escalations
   * whose process instances were lost with an embedded engine's restart (re-driven, nobody reviewed them), when the
   * first of those opened. The review limits count from here, so a restart does not start the ladder over.
   */
  @Transactional(readOnly = true)
  Instant ladderStartedAt(Escalation escalation) {
    List<Escalation> ofRequest = escalations.findByRequestIdOrderByOpenedAt(escalation.getRequestId());
    Instant startedAt = escalation.getOpenedAt();
    int index = 0;
    while (index < ofRequest.size() && !ofRequest.get(index).getId().equals(escalation.getId())) {
      index++;
    }
    for (int earlier = index - 1; earlier >= 0; earlier--) {
      Escalation previous = ofRequest.get(earlier);
      if (!EscalationStep.RE_DRIVEN.code().equals(previous.getStep())) {
        break;
      }
      startedAt = previous.getOpenedAt();
    }
    return startedAt;
  }

  /** A further signal while an escalation is open makes the open escalation show the higher level. */
  void raiseLevelOfOpen(UUID requestId, RiskLevel level) {
    escalations.findByRequestIdAndClosedAtIsNull(requestId).forEach(open -> open.raiseLevel(level));
  }

  /**
   * Alerts the staff for this step (primary on-duty supervisor, backup, or all supervisors) unless that was done: who
   * is on duty is asked of the rota now, the alerts are queued with this step (once per escalation and step) and
   * delivered by the staff-alert outbox.
   *
   * @param step ON_DUTY_NOTIFIED, BACKUP_NOTIFIED or ALL_SUPERVISORS_ALERTED
   */
  void alertStaff(String engineRun, long processInstanceKey, EscalationStep step) {
    Escalation escalation = find(engineRun, processInstanceKey);
    if (escalation.hasReached(step)) {
      return;
    }
    List<String> alerted =
        alerts.alert(
            eventOf(step),
            escalation.getRequestId(),
            escalation.getLevel(),
            recipientsOf(step, escalation.getRequestId()),
            escalation.getId() + ":" + step.code());
    if (alerted.isEmpty()) {
      log.error(
          "Nobody could be alerted for escalation step '{}' of request {}: set the on-duty rota (enabled supervisors)",
          step.code(),
          escalation.getRequestId());
    }
    Instant now = clock.instant();
    escalation.reached(step, now);
    lifecycle.recordEscalationStep(
        escalation.getRequestId(),
        step.code(),
        escalation.getLevel(),
        alerted.isEmpty() ? "nobody-on-duty" : String.join(",", alerted),
        ACTOR);
  }

  /**
   * Applies the supervisor's outcome once: continue gives the request risk HIGH and top priority; close closes it.
   *
   * @return the help-request process instance to cancel (close, and its instance lives in this engine run)
   */
  OptionalLong applyOutcome(
      String engineRun, long processInstanceKey, EscalationOutcome outcome, EscalationDecision decision) {
    Escalation escalation = find(engineRun, processInstanceKey);
    UUID requestId = escalation.getRequestId();
    if (escalation.isOpen()) {
      escalation.close(outcome, decision, clock.instant());
      if (decision == EscalationDecision.CONTINUE) {
        lifecycle.raiseRisk(requestId, RiskLevel.HIGH);
        lifecycle.prioritise(requestId);
        lifecycle.recordEscalationStep(
            requestId, EscalationStep.CONTINUED.code(), RiskLevel.HIGH, outcome.code(), ACTOR);
      } else {
        if (!lifecycle.get(requestId).getStatus().isFinal()) {
          lifecycle.changeStatus(requestId, RequestStatus.CLOSED, ACTOR);
        }
        lifecycle.recordEscalationStep(
            requestId, EscalationStep.CLOSED.code(), escalation.getLevel(), outcome.code(), ACTOR);
      }
    }
    HelpRequest request = lifecycle.get(requestId);
    if (decision == EscalationDecision.CLOSE
        && request.getProcessInstanceKey() != null
        && engineRun.equals(request.getEngineRun())) {
      return OptionalLong.of(request.getProcessInstanceKey());
    }
    return OptionalLong.empty();
  }

  /**
   * Open escalations whose process instance lived in an earlier run of the embedded engine (lost with its restart)
   * are closed as re-driven, and each gets a new signal to publish, with its level and source: the supervisor is put
   * on it again and the person gets the crisis resources again. Never the case with a Camunda cluster.
   *
   * @return how many were re-driven
   */
  int redriveEarlierRuns(String engineRun) {
    List<Escalation> lost = escalations.findByClosedAtIsNullAndEngineRunNot(engineRun);
    Instant now = clock.instant();
    for (Escalation escalation : lost) {
      escalation.supersede(now);
      signals.save(
          new EscalationSignal(
              escalation.getRequestId(), escalation.getSource(), escalation.getLevel(), "re-drive", ACTOR, true, now));
      lifecycle.recordEscalationStep(
          escalation.getRequestId(), EscalationStep.RE_DRIVEN.code(), escalation.getLevel(), escalation.getSource(), ACTOR);
    }
    return lost.size();
  }

  @Transactional(readOnly = true)
  List<EscalationView> list(boolean openOnly) {
    List<Escalation> found =
        openOnly
            ? escalations.findByClosedAtIsNullOrderByOpenedAt(LIST_LIMIT)
            : escalations.findAllByOrderByOpenedAtDesc(LIST_LIMIT);
    return found.stream().map(EscalationView::of).toList();
  }

  @Transactional(readOnly = true)
  List<EscalationView> ofRequest(UUID requestId) {
    return escalations.findByRequestIdOrderByOpenedAt(requestId).stream().map(EscalationView::of).toList();
  }

  /** The escalation list as the API answers it. */
  record Listing(List<EscalationView> escalations) {}

  private Escalation find(String engineRun, long processInstanceKey) {
    return escalations
        .findByEngineRunAndProcessInstanceKey(engineRun, processInstanceKey)
        .orElseThrow(
            () -> new IllegalStateException("No escalation registered for process instance " + processInstanceKey));
  }

  private List<String> recipientsOf(EscalationStep step, UUID requestId) {
    OnDuty onDuty = rota.current();
    return switch (step) {
      case ON_DUTY_NOTIFIED -> firstReachable(onDuty, requestId);
      case BACKUP_NOTIFIED -> onDuty.backup() == null ? List.of() : List.of(onDuty.backup());
      case ALL_SUPERVISORS_ALERTED -> onDuty.all();
      default -> throw new IllegalArgumentException("Step " + step + " alerts nobody");
    };
  }

  /**
   * The on-duty primary, or at once, when no alert would reach them (disabled, or neither e-mail nor Telegram), the
   * backup, or when that one is not reached either, all supervisors: waiting out the backup timer for a supervisor who
   * gets nothing would lose the first minutes of an emergency.
   */
  private List<String> firstReachable(OnDuty onDuty, UUID requestId) {
    if (onDuty.primary() != null && alerts.reaches(onDuty.primary())) {
      return List.of(onDuty.primary());
    }
    if (onDuty.backup() != null && alerts.reaches(onDuty.backup())) {
      log.warn(
          "Escalation of request {}: no alert reaches the on-duty supervisor '{}', the backup '{}' is alerted at once",
          requestId, onDuty.primary(), onDuty.backup());
      return List.of(onDuty.backup());
    }
    log.warn(
        "Escalation of request {}: no alert reaches the on-duty supervisor '{}' or the backup '{}', all supervisors are"
            + " alerted at once",
        requestId, onDuty.primary(), onDuty.backup());
    return onDuty.all();
  }

  private static AlertEvent eventOf(EscalationStep step) {
    return switch (step) {
      case ON_DUTY_NOTIFIED -> AlertEvent.ESCALATION_ON_DUTY;
      case BACKUP_NOTIFIED -> AlertEvent.ESCALATION_BACKUP;
      default -> AlertEvent.ESCALATION_ALL;
    };
  }
}
