package org.lifeline.orchestrator.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.RequestNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Escalations")
class EscalationController {

  private final Escalations escalations;
  private final EscalationSignals signals;
  private final AssignmentService assignment;

  EscalationController(Escalations escalations, EscalationSignals signals, AssignmentService assignment) {
    this.escalations = escalations;
    this.signals = signals;
    this.assignment = assignment;
  }

  @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'CURATOR')")
  @GetMapping("/escalations")
  @Operation(
      summary = "Emergency escalations: the open ones (oldest first), or with open=false all recent ones (newest first)")
  Escalations.Listing list(@RequestParam(defaultValue = "true") boolean open) {
    return new Escalations.Listing(escalations.list(open));
  }

  @PreAuthorize("hasAnyRole('CURATOR', 'SPECIALIST', 'SUPERVISOR', 'ADMIN')")
  @PostMapping(path = "/requests/{id}/risk-flags", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Flag a risk on a request",
      description =
          "MEDIUM and HIGH start an emergency escalation (crisis resources to the person, a supervisor task) unless"
              + " one is open for the request; LOW is recorded for review. Every flag raises the request's risk level"
              + " and is in its history. A specialist flags only the cases they hold (404 for any other request).")
  RaisedSignal flag(@PathVariable UUID id, @Valid @RequestBody RiskFlag flag, Authentication authentication) {
    if (isOnlySpecialist(authentication) && !assignment.isHeldBy(id, authentication.getName())) {
      throw new RequestNotFoundException(id);
    }
    return ConflictRetry.run(
        () -> signals.raise(id, flag.level().riskLevel(), SignalSource.FLAG, flag.reasonCode(), authentication.getName()));
  }

  /** Curators, supervisors and admins flag any request; someone who is only a specialist, their own cases. */
  private static boolean isOnlySpecialist(Authentication authentication) {
    Set<String> roles =
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    return roles.contains("ROLE_" + Roles.SPECIALIST)
        && Stream.of(Roles.CURATOR, Roles.SUPERVISOR, Roles.ADMIN).noneMatch(role -> roles.contains("ROLE_" + role));
  }
}
