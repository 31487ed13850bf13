package org.lifeline.orchestrator.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestQueries;
import org.lifeline.orchestrator.request.RequestView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Further messages from the person behind a request. Accepted in every status, a closed request too: what a person
 * writes is never turned away, and every message is scanned for risk.
 */
@RestController
@Tag(name = "Requests")
class InboundMessageController {

  static final String PERSON = "contact";

  private final RequestLifecycle lifecycle;
  private final RequestQueries queries;

  InboundMessageController(RequestLifecycle lifecycle, RequestQueries queries) {
    this.lifecycle = lifecycle;
    this.queries = queries;
  }

  @PreAuthorize("hasAnyRole('INTEGRATOR', 'CURATOR', 'ADMIN')")
  @PostMapping(path = "/api/v1/requests/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Pass on a message the person wrote",
      description = "Stores the message (its text is never part of any answer) and scans it for risk. 202 with the request.")
  RequestView receive(@PathVariable UUID id, @Valid @RequestBody InboundMessage body) {
    lifecycle.get(id);
    ConflictRetry.run(() -> lifecycle.recordInbound(id, body.text(), PERSON));
    return queries.view(id);
  }

  /** @param text what the person wrote (sensitive: stored, never sent to the engine) */
  record InboundMessage(@NotBlank @Size(max = 4000) String text) {}
}
