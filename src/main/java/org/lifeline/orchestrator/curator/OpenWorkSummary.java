package org.lifeline.orchestrator.curator;

import java.util.Optional;

/**
 * What the line is working on beyond the caller's own tasks, in one line for the inbox (from the curators' board), so
 * that a curator without tasks is not left with "No open tasks" while requests wait.
 */
public interface OpenWorkSummary {

  /** A line such as "12 requests are open; 3 wait for a specialist (1 at HIGH risk)", empty for whom it is not. */
  Optional<String> summaryFor(Caller caller);
}
