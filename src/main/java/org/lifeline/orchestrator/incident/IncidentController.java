package org.lifeline.orchestrator.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Administration")
@PreAuthorize("hasRole('ADMIN')")
class IncidentController {

  private final EngineIncidents incidents;

  IncidentController(EngineIncidents incidents) {
    this.incidents = incidents;
  }

  @GetMapping("/api/v1/admin/incidents")
  @Operation(
      summary = "Open engine incidents (jobs out of retries, failed expressions), oldest first, with their request ids")
  List<OpenIncident> open(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return incidents.open(limit);
  }
}
