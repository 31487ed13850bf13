package org.lifeline.orchestrator.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lifeline.orchestrator.escalation.risk.RiskAssessment;
import org.lifeline.orchestrator.escalation.risk.RiskDetector;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Lets a clinical lead try the risk detector (the one every inbound message goes through) on a text. */
@RestController
@Tag(name = "Escalations")
class RiskAssessmentController {

  private final RiskDetector detector;

  RiskAssessmentController(RiskDetector detector) {
    this.detector = detector;
  }

  @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
  @PostMapping(path = "/api/v1/risk/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Assess a text with the risk detector; the text is neither stored nor logged",
      description =
          "language (en, ru, uk) limits the lexicon to that language; without it every language is used, as for"
              + " inbound messages.")
  RiskAssessment assess(@Valid @RequestBody AssessmentRequest body) {
    return detector.assess(body.text(), body.language());
  }

  record AssessmentRequest(
      @NotBlank @Size(max = 4000) String text,
      @Pattern(regexp = "[a-z]{2}(-[A-Za-z]{2})?", message = "must be a language code such as en, ru or uk")
          String language) {}
}
