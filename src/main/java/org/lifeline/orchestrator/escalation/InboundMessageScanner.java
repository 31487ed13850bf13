package org.lifeline.orchestrator.escalation;

import java.util.stream.Collectors;
import org.lifeline.orchestrator.escalation.risk.RiskAssessment;
import org.lifeline.orchestrator.escalation.risk.RiskDetector;
import org.lifeline.orchestrator.request.InboundMessageRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Scans every inbound message (the first one at intake and every later one) in the transaction that stores it, so
 * a stored message always has its signal stored too. The whole lexicon is used, whatever language the request was
 * made in: people mix languages (Russian and Ukrainian above all), and on the phrase table this costs no
 * precision.
 */
@Component
class InboundMessageScanner {

  static final String ACTOR = "risk-detector";

  private final RiskDetector detector;
  private final EscalationSignals signals;

  InboundMessageScanner(RiskDetector detector, EscalationSignals signals) {
    this.detector = detector;
    this.signals = signals;
  }

  @EventListener
  void scan(InboundMessageRecorded message) {
    RiskAssessment assessment = detector.assess(message.text(), null);
    if (!assessment.hasSignals()) {
      return;
    }
    signals.raise(message.requestId(), assessment.level(), SignalSource.MESSAGE, codes(assessment), ACTOR);
  }

  /** Lexicon entry ids, a negated one marked as such: "en-want-to-die:negated,en-hopeless". */
  static String codes(RiskAssessment assessment) {
    return assessment.signals().stream()
        .map(signal -> signal.negated() ? signal.id() + ":negated" : signal.id())
        .distinct()
        .collect(Collectors.joining(","));
  }
}
