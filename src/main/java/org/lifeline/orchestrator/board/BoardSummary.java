package org.lifeline.orchestrator.board;

import java.util.Map;
import java.util.Optional;
import org.lifeline.orchestrator.curator.Caller;
import org.lifeline.orchestrator.curator.OpenWorkSummary;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.stereotype.Component;

/** The inbox's line about the board, for curators and supervisors, when requests are open. */
@Component
class BoardSummary implements OpenWorkSummary {

  private final BoardQueries board;

  BoardSummary(BoardQueries board) {
    this.board = board;
  }

  @Override
  public Optional<String> summaryFor(Caller caller) {
    if (!BoardConsoleController.maySeeTheBoard(caller)) {
      return Optional.empty();
    }
    Map<RiskLevel, Long> open = board.openByRisk();
    long total = open.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return Optional.empty();
    }
    long high = open.getOrDefault(RiskLevel.HIGH, 0L);
    long waiting = board.waitingForASpecialist();
    return Optional.of(
        (total == 1 ? "1 request is open" : total + " requests are open")
            + (high > 0 ? " (" + high + " at HIGH risk)" : "")
            + "; "
            + (waiting == 1 ? "1 waits" : waiting + " wait")
            + " for a specialist.");
  }
}
