package org.lifeline.orchestrator.assignment;

import java.util.List;

/** The best specialist for a request and the next best ones, for the curator to confirm or pick from. */
public record Proposal(Candidate specialist, List<Candidate> alternatives) {

  public Proposal {
    alternatives = List.copyOf(alternatives);
  }
}
