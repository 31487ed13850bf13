package org.lifeline.orchestrator.care;

import java.util.UUID;

/**
 * Published (as a Spring application event, inside the closing transaction) when a specialist
 * closes a case. Feedback collection starts from it after commit.
 *
 * @param outcome a code: helped, referred, no-show, ...
 */
public record CaseClosed(UUID requestId, UUID specialistId, String outcome) {

  public static final String HELPED = "helped";

  public boolean helped() {
    return HELPED.equals(outcome);
  }
}
