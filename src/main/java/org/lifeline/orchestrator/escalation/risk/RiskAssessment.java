package org.lifeline.orchestrator.escalation.risk;

import java.util.List;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * What the risk detector found in one message: the highest level among the signals (NONE without signals) and the
 * signals themselves, highest level first. Holds lexicon ids and categories only, never the message text.
 */
public record RiskAssessment(RiskLevel level, List<RiskSignal> signals) {

  static final RiskAssessment NONE = new RiskAssessment(RiskLevel.NONE, List.of());

  public RiskAssessment {
    signals = List.copyOf(signals);
  }

  public boolean hasSignals() {
    return !signals.isEmpty();
  }
}
