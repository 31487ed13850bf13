package org.lifeline.orchestrator.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.SpecialistRegistry;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feedback")
class FeedbackStatisticsController {

  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  private final FeedbackStatistics statistics;
  private final SpecialistRegistry specialists;
  private final Clock clock;

  FeedbackStatisticsController(FeedbackStatistics statistics, SpecialistRegistry specialists, Clock clock) {
    this.statistics = statistics;
    this.specialists = specialists;
    this.clock = clock;
  }

  @GetMapping("/api/v1/feedback/statistics")
  @PreAuthorize("hasAnyRole('CURATOR', 'ADMIN', 'SPECIALIST')")
  @Operation(
      summary = "Feedback statistics of a period, overall and per specialist",
      description =
          "Counts feedback asked for in [from, to) (default: the last 30 days): requested, answered, average rating,"
              + " response rate. Aggregates only, never a person. Curators and administrators see every specialist; a"
              + " specialist only themselves (specialistId of their own registry entry, whose username is theirs).")
  FeedbackStatistics.Report statistics(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) UUID specialistId,
      Authentication caller) {
    Instant until = to != null ? to : clock.instant();
    Instant since = from != null ? from : until.minus(DEFAULT_PERIOD);
    if (!since.isBefore(until)) {
      throw FeedbackProblem.badPeriod();
    }
    if (!isStaffLead(caller) && !isOwnEntry(specialistId, caller.getName())) {
      throw new ErrorResponseException(
          HttpStatus.FORBIDDEN,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN, "A specialist sees only their own statistics: pass your own specialistId"),
          null);
    }
    return statistics.report(since, until, specialistId);
  }

  private static boolean isStaffLead(Authentication caller) {
    return caller.getAuthorities().stream()
        .anyMatch(
            authority ->
                authority.getAuthority().equals("ROLE_" + Roles.CURATOR)
                    || authority.getAuthority().equals("ROLE_" + Roles.ADMIN));
  }

  private boolean isOwnEntry(UUID specialistId, String username) {
    return specialistId != null && username.equals(specialists.get(specialistId).username());
  }
}
