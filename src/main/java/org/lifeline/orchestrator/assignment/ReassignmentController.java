package org.lifeline.orchestrator.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Assignment")
@PreAuthorize("hasAnyRole('CURATOR', 'SUPERVISOR')")
class ReassignmentController {

  private final Reassignments reassignments;

  ReassignmentController(Reassignments reassignments) {
    this.reassignments = reassignments;
  }

  @PostMapping("/{id}/reassignment")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Move an accepted case to another specialist",
      description =
          "The request's process releases the specialist holding the case (not proposed for it again), reserves the"
              + " chosen one, who accepts or declines like any proposal, and tells the person once. 409 when the case"
              + " is not IN_PROGRESS, nobody holds it, the chosen specialist holds it already, is paused or has no free"
              + " place, or another reassignment of it is under way.")
  Reassignments.Reassignment reassign(
      @PathVariable UUID id, @Valid @RequestBody ReassignmentInput body, Authentication caller) {
    return reassignments.request(id, body.specialistId(), caller.getName());
  }

  /** @param specialistId the specialist to take the case over */
  record ReassignmentInput(@NotNull UUID specialistId) {}
}
