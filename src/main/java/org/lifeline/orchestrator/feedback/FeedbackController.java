package org.lifeline.orchestrator.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.UUID;
import org.lifeline.orchestrator.audit.AuditedRead;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feedback")
class FeedbackController {

  private final FeedbackService service;

  FeedbackController(FeedbackService service) {
    this.service = service;
  }

  @PostMapping(path = "/api/v1/requests/{requestId}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('INTEGRATOR', 'ADMIN')")
  @Operation(
      summary = "Store the person's feedback (for the bot or integrator)",
      description =
          "Rating 1-5 and an optional comment (max 2000 characters). 404 when no feedback is collected for the request"
              + " (not closed as helped), 409 when it was already given, 410 when the feedback step has ended.")
  FeedbackView answer(
      @PathVariable UUID requestId, @Valid @RequestBody FeedbackAnswer body, Principal principal) {
    ConflictRetry.run(() -> service.answer(requestId, body.rating(), body.comment(), principal.getName()));
    return service.find(requestId).orElseThrow();
  }

  @GetMapping("/api/v1/requests/{requestId}/feedback-link")
  @PreAuthorize("hasAnyRole('INTEGRATOR', 'ADMIN')")
  @AuditedRead
  @Operation(
      summary = "Issue a one-time feedback link to show to the person",
      description =
          "Each call issues a new link and the previous one stops working. The token is shown only here: the platform"
              + " stores its SHA-256 hash. The person answers with POST on `path`, without credentials, once, before"
              + " `expiresAt`.")
  FeedbackService.FeedbackLink link(@PathVariable UUID requestId) {
    return ConflictRetry.run(() -> service.issueLink(requestId));
  }

  @GetMapping("/api/v1/requests/{requestId}/feedback")
  @PreAuthorize("hasAnyRole('INTEGRATOR', 'CURATOR', 'ADMIN')")
  @Operation(summary = "The request's feedback step: asked, reminded, answered (rating), how it ended")
  FeedbackView get(@PathVariable UUID requestId) {
    return service.find(requestId).orElseThrow(() -> FeedbackProblem.notAsked(requestId));
  }

  @PostMapping(path = "/api/v1/feedback/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Give feedback through a one-time link (no credentials)",
      description =
          "404 for an invalid link (unknown, altered, or another request's), 409 when it was already used, 410 when it"
              + " expired or the feedback step has ended. Nothing is stored then.")
  Answered answerWithToken(@PathVariable String token, @Valid @RequestBody FeedbackAnswer body) {
    ConflictRetry.run(() -> service.answerWithToken(token, body.rating(), body.comment()));
    return new Answered(true);
  }

  /** Deliberately says nothing about the request: the link's holder is not authenticated. */
  record Answered(boolean received) {}
}
