package org.lifeline.orchestrator.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class CaseListController {

  private final MyCases cases;

  CaseListController(MyCases cases) {
    this.cases = cases;
  }

  @GetMapping("/api/v1/cases")
  @PreAuthorize("hasRole('SPECIALIST')")
  @Operation(
      summary = "The caller's cases (My cases), latest activity first",
      description =
          "Requests the calling specialist holds: status, risk level, since when, who waits since when, the last"
              + " message (who and when, not what), unread messages, first reply and curators' reminder.")
  Cases mine(Authentication authentication) {
    return new Cases(cases.of(authentication.getName()));
  }

  record Cases(List<CaseSummary> cases) {}
}
