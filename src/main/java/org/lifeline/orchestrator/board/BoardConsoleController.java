package org.lifeline.orchestrator.board;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.assignment.Candidate;
import org.lifeline.orchestrator.assignment.Reassignments;
import org.lifeline.orchestrator.curator.Caller;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.RequestNotFoundException;
import org.lifeline.orchestrator.request.RequestQueries;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The curators' board in the console: open requests by stage, the waiting queue and the specialists' loads, refreshed
 * by the page's script from {@code /console/board/data}; a request's page offers the reassignment of an accepted case.
 */
@Controller
@RequestMapping("/console/board")
@PreAuthorize("hasAnyRole('CURATOR', 'SUPERVISOR')")
class BoardConsoleController {

  /** How often the page's script refreshes the board. */
  static final int REFRESH_SECONDS = 15;

  /** How many specialists the reassignment offers, best first. */
  static final int REASSIGNMENT_CHOICES = 20;

  private static final BoardFormat FORMAT = new BoardFormat();

  private final BoardQueries board;
  private final RequestQueries requests;
  private final AssignmentService assignment;
  private final Reassignments reassignments;
  private final Clock clock;

  BoardConsoleController(
      BoardQueries board,
      RequestQueries requests,
      AssignmentService assignment,
      Reassignments reassignments,
      Clock clock) {
    this.board = board;
    this.requests = requests;
    this.assignment = assignment;
    this.reassignments = reassignments;
    this.clock = clock;
  }

  /** Curators and supervisors work with the board. */
  static boolean maySeeTheBoard(Caller caller) {
    return caller.roles().contains(Roles.CURATOR) || caller.roles().contains(Roles.SUPERVISOR);
  }

  @GetMapping
  String board(Authentication authentication, Model model) {
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("board", board.board());
    model.addAttribute("format", FORMAT);
    model.addAttribute("refreshSeconds", REFRESH_SECONDS);
    return "console/board";
  }

  /** What the page's script refreshes the board from. */
  @GetMapping("/data")
  @ResponseBody
  Board data() {
    return board.board();
  }

  @GetMapping("/requests/{id}")
  String request(@PathVariable UUID id, Authentication authentication, Model model) {
    BoardRequest request = board.request(id).orElseThrow(() -> new RequestNotFoundException(id));
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("request", request);
    model.addAttribute("history", requests.view(id).history());
    model.addAttribute("format", FORMAT);
    model.addAttribute("now", clock.instant());
    boolean reassignable = request.status() == RequestStatus.IN_PROGRESS && request.assignedSpecialist() != null;
    model.addAttribute("reassignable", reassignable);
    List<Candidate> candidates =
        reassignable ? assignment.candidatesToTakeOver(id, REASSIGNMENT_CHOICES) : List.of();
    model.addAttribute("candidates", candidates);
    return "console/board-request";
  }

  @PostMapping("/requests/{id}/reassignment")
  String reassign(
      @PathVariable UUID id,
      @RequestParam(required = false) UUID specialistId,
      Authentication authentication,
      RedirectAttributes redirect) {
    if (specialistId == null) {
      redirect.addFlashAttribute("problem", "Choose the specialist to take the case over.");
    } else {
      try {
        Reassignments.Reassignment done = reassignments.request(id, specialistId, authentication.getName());
        redirect.addFlashAttribute(
            "message",
            "The case goes from "
                + done.from().name()
                + " to "
                + done.to().name()
                + ", who is asked to accept it. The person is told once.");
      } catch (ErrorResponseException refused) {
        redirect.addFlashAttribute("problem", refused.getBody().getDetail());
      }
    }
    return "redirect:/console/board/requests/" + id;
  }
}
