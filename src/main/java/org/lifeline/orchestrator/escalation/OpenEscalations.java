package org.lifeline.orchestrator.escalation;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether an emergency escalation of a request is open: supervisors have a need to know while it is. */
@Service
public class OpenEscalations {

  private final EscalationRepository escalations;

  OpenEscalations(EscalationRepository escalations) {
    this.escalations = escalations;
  }

  @Transactional(readOnly = true)
  public boolean existFor(UUID requestId) {
    return escalations.existsByRequestIdAndClosedAtIsNull(requestId);
  }
}
