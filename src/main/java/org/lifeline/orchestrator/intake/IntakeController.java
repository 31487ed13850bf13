package org.lifeline.orchestrator.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Optional;
import org.lifeline.orchestrator.audit.AccessAudit;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.platform.security.AnonymousIntake;
import org.lifeline.orchestrator.platform.security.Integrator;
import org.lifeline.orchestrator.platform.security.Integrators;
import org.lifeline.orchestrator.request.RequestQueries;
import org.lifeline.orchestrator.request.RequestView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Requests")
class IntakeController {

  /** The submitter recorded for a request from the public form (lifeline.security.anonymous-intake). */
  static final String ANONYMOUS = "anonymous";

  private final Intake intake;
  private final RequestQueries queries;
  private final Integrators integrators;

  IntakeController(Intake intake, RequestQueries queries, Integrators integrators) {
    this.intake = intake;
    this.queries = queries;
    this.integrators = integrators;
  }

  @PreAuthorize("hasAnyRole('INTEGRATOR', 'CURATOR', 'ADMIN') or @" + AnonymousIntake.BEAN + ".allowed")
  @PostMapping(path = "/api/v1/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Take in a request for help",
      description =
          "Stores the request first, then starts its process. 201 with the request; a retried POST with the"
              + " same Idempotency-Key (from the same caller) returns the same request. An integrator may take in"
              + " requests of its own channels only (403 otherwise) and later reads and writes only its own requests.")
  ResponseEntity<RequestView> create(
      @Valid @RequestBody IntakeRequest body,
      @Parameter(description = "Makes a retried POST return the same request instead of a second one")
          @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(max = 200)
          String idempotencyKey,
      Authentication authentication) {
    if (body.channel() == Channel.CHAT) {
      // A chat request belongs to its session (its token is the person's only way in): one without would be unreachable.
      throw new ErrorResponseException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNPROCESSABLE_ENTITY, "A web chat is opened with POST /api/v1/chat/sessions, not here"),
          null);
    }
    Optional<Integrator> integrator = integrators.of(authentication);
    if (integrator.isPresent() && !integrator.get().accepts(body.channel())) {
      throw new ErrorResponseException(
          HttpStatus.FORBIDDEN,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN,
              "This integrator may take in requests of the channels "
                  + integrator.get().channels().stream().map(Channel::code).sorted().toList()
                  + " only, not '" + body.channel().code() + "'"),
          null);
    }
    String submitter = authentication == null ? ANONYMOUS : authentication.getName();
    Intake.Submission submission =
        intake.submit(body, idempotencyKey, submitter, integrator.map(Integrator::name).orElse(null));
    RequestView view = queries.view(submission.request().getId());
    AccessAudit.concernsRequest(view.id());
    return ResponseEntity.created(URI.create("/api/v1/requests/" + view.id()))
        .header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
        .body(view);
  }
}
