package org.lifeline.orchestrator.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The on-duty rota: administrators set it; supervisors may see who is on duty. */
@RestController
@RequestMapping("/api/v1/admin/on-duty")
@Tag(name = "Staff")
class OnDutyController {

  private final OnDutyRota rota;

  OnDutyController(OnDutyRota rota) {
    this.rota = rota;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  @Operation(summary = "The rota {primary, backup, all, timeZone, schedule} and who is on duty now")
  OnDutyRota.RotaView get() {
    return rota.view();
  }

  @PutMapping
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Set the rota: enabled supervisors' usernames; escalations alert by it from the next step on")
  OnDutyRota.RotaView replace(@Valid @RequestBody Rota body, Authentication caller) {
    return rota.replace(body, caller.getName());
  }
}
