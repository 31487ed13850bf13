package org.lifeline.orchestrator.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.SpecialistLoad;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * The curators' board at one moment: the open requests by stage, the waiting queue and every specialist's load and
 * shift. Statuses, stages, risk levels, times, ids and staff names only.
 *
 * @param stages the open stages in lifecycle order
 * @param queue the requests waiting for a specialist, in the order they will be served
 * @param specialists on shift first, then the least loaded
 */
public record Board(Instant asOf, List<Stage> stages, Queue queue, List<SpecialistLoad> specialists) {

  /**
   * @param open how many requests are in the stage
   * @param requests the most urgent of them (highest risk, then the longest waiting), at most the board's limit
   */
  public record Stage(String stage, long open, List<BoardRequest> requests) {}

  /** @param waiting how many wait; {@code requests} are the first of them */
  public record Queue(long waiting, List<QueuedRequest> requests) {}

  /**
   * A request in the waiting queue.
   *
   * @param prioritised waits ahead of every request that is not
   */
  public record QueuedRequest(UUID requestId, RiskLevel riskLevel, boolean prioritised, Instant waitingSince) {}
}
