package org.lifeline.orchestrator.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The curators' board as an API: statuses, stages, risk levels, times, ids and staff names; never the person's text. */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests")
@PreAuthorize("hasAnyRole('CURATOR', 'SUPERVISOR')")
class BoardController {

  private final BoardQueries board;

  BoardController(BoardQueries board) {
    this.board = board;
  }

  @GetMapping
  @Operation(
      summary = "The board: requests by status, stage and risk, highest risk first, then the longest waiting",
      description =
          "Without status or stage: every open request. Each request: id, status, stage, riskLevel, prioritised,"
              + " waitingSince (when it entered its status), assignedSpecialist and openTasks (name, assignee,"
              + " priority, due date). No text of the person. 400 naming the parameter that is wrong.")
  BoardPage list(
      @Parameter(description = "Statuses, repeated or comma-separated (RECEIVED ... ABANDONED)")
          @RequestParam(required = false)
          List<String> status,
      @Parameter(description = "Stages: intake, qualification, questionnaire, assignment, care, feedback, closed")
          @RequestParam(required = false)
          List<String> stage,
      @Parameter(description = "Risk levels: NONE, LOW, MEDIUM, HIGH") @RequestParam(required = false)
          List<String> riskLevel,
      @Parameter(description = "ISO-8601 duration, e.g. PT30M: only requests in their status at least this long")
          @RequestParam(required = false)
          String waitingLongerThan,
      @Parameter(description = "Page, from 0") @RequestParam(required = false) String page,
      @Parameter(description = "Requests per page, 1-200 (50)") @RequestParam(required = false) String size) {
    return board.page(BoardFilter.parse(status, stage, riskLevel, waitingLongerThan, page, size));
  }
}
