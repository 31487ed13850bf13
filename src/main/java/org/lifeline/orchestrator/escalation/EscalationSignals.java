package org.lifeline.orchestrator.escalation;

import java.time.Clock;
import java.util.UUID;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes every risk signal: inbound messages (via the detector), questionnaire safety answers and staff flags. Each
 * signal raises the request's risk level, is stored and written to the request's history, whatever its level, so
 * no signal is silently dropped. MEDIUM and HIGH signals escalate: the person's crisis resources are queued with the
 * signal ({@link CrisisResources}, once per escalation) and the {@code RiskDetected} message is published after commit
 * and retried until the engine has it; the engine starts at most one escalation per request at a time.
 * LOW signals (weak words, or risk words under a negation such as "I don't want to die") are for review by the
 * team handling the request and do not escalate.
 */
@Service
public class EscalationSignals {

  /** The lowest level that starts an escalation. */
  public static final RiskLevel ESCALATION_THRESHOLD = RiskLevel.MEDIUM;

  private static final int MAX_CODES_LENGTH = 500;

  private final EscalationSignalRepository signals;
  private final Escalations escalations;
  private final RequestLifecycle lifecycle;
  private final CrisisResources crisisResources;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  EscalationSignals(
      EscalationSignalRepository signals,
      Escalations escalations,
      RequestLifecycle lifecycle,
      CrisisResources crisisResources,
      ApplicationEventPublisher events,
      Clock clock) {
    this.signals = signals;
    this.escalations = escalations;
    this.lifecycle = lifecycle;
    this.crisisResources = crisisResources;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Records a risk signal for a request and escalates it if its level calls for it.
   *
   * @param level LOW, MEDIUM or HIGH
   * @param codes what fired, as codes only (lexicon entry ids, a reason code, a question id); never a person's text
   * @param actor who or what raised it (a username, {@code risk-detector}, {@code questionnaire})
   * @throws org.lifeline.orchestrator.request.RequestNotFoundException for an unknown request
   */
  @Transactional
  public RaisedSignal raise(UUID requestId, RiskLevel level, SignalSource source, String codes, String actor) {
    if (level == null || level == RiskLevel.NONE) {
      throw new IllegalArgumentException("A risk signal needs a level of LOW, MEDIUM or HIGH");
    }
    lifecycle.get(requestId);
    String storedCodes = codes.length() > MAX_CODES_LENGTH ? codes.substring(0, MAX_CODES_LENGTH) : codes;
    boolean escalates = level.compareTo(ESCALATION_THRESHOLD) >= 0;
    EscalationSignal signal =
        signals.save(new EscalationSignal(requestId, source, level, storedCodes, actor, escalates, clock.instant()));
    lifecycle.raiseRisk(requestId, level);
    lifecycle.recordRiskSignal(requestId, level, source.code(), storedCodes, actor);
    escalations.raiseLevelOfOpen(requestId, level);
    if (escalates) {
      crisisResources.offer(requestId, CrisisLineArguments.TEMPLATE + ":signal:" + signal.getId());
      events.publishEvent(new RiskSignalRaised(signal.getId()));
    }
    return new RaisedSignal(signal.getId(), requestId, level, source.code(), escalates);
  }
}
