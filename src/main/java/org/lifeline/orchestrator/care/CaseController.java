package org.lifeline.orchestrator.care;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Help delivery for the specialist assigned to a request (and admins); for anyone else the case is 404. */
@RestController
@RequestMapping("/api/v1/cases/{requestId}")
@Tag(name = "Cases")
@PreAuthorize("hasAnyRole('SPECIALIST', 'ADMIN')")
class CaseController {

  private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

  private final CareService care;

  CaseController(CareService care) {
    this.care = care;
  }

  @PostMapping("/sessions")
  @Operation(summary = "Record a session held with the person (the note is encrypted and never leaves the platform)")
  ResponseEntity<SessionView> recordSession(
      @PathVariable UUID requestId, @Valid @RequestBody SessionInput input, Authentication authentication) {
    CareSession session =
        care.recordSession(requestId, caller(authentication), input.at(), input.durationMinutes(), input.note());
    SessionView view = new SessionView(session.getId(), requestId, session.getHeldAt(), session.getDurationMinutes());
    return ResponseEntity.created(URI.create("/api/v1/cases/" + requestId + "/sessions/" + session.getId())).body(view);
  }

  @PostMapping("/closure")
  @Operation(summary = "Close the case with an outcome; the request moves to feedback (helped) or is closed")
  CareService.Closure close(
      @PathVariable UUID requestId, @Valid @RequestBody ClosureInput input, Authentication authentication) {
    CareService.CaseCaller caller = caller(authentication);
    return ConflictRetry.run(() -> care.close(requestId, caller, input.outcome()));
  }

  private static CareService.CaseCaller caller(Authentication authentication) {
    boolean admin =
        authentication.getAuthorities().stream().anyMatch(authority -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
    return new CareService.CaseCaller(authentication.getName(), admin);
  }

  record SessionInput(
      @NotNull Instant at, @NotNull @Min(1) @Max(600) Integer durationMinutes, @Size(max = 2000) String note) {}

  record ClosureInput(@NotNull @Pattern(regexp = CaseOutcomes.PATTERN) String outcome) {}

  record SessionView(Long id, UUID requestId, Instant at, int durationMinutes) {}
}
