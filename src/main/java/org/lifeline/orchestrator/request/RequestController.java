package org.lifeline.orchestrator.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.audit.AuditedRead;
import org.lifeline.orchestrator.platform.security.Integrators;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Requests")
@PreAuthorize("hasAnyRole('INTEGRATOR', 'CURATOR', 'SUPERVISOR', 'ADMIN')")
class RequestController {

  private final RequestQueries queries;
  private final Integrators integrators;

  RequestController(RequestQueries queries, Integrators integrators) {
    this.queries = queries;
    this.integrators = integrators;
  }

  @GetMapping("/requests/{id}")
  @AuditedRead
  @Operation(
      summary = "A request with its status, stage, risk level and history (no message text)",
      description = "An integrator reads only the requests it brought (404 for any other).")
  RequestView get(@PathVariable UUID id) {
    return queries.view(id);
  }

  @GetMapping("/contacts/{contactId}/requests")
  @AuditedRead
  @Operation(
      summary = "Every request of one person, oldest first, with stated ages and outcomes",
      description = "An integrator sees only the requests it brought; 404 when it brought none of this person's.")
  ContactRequests ofContact(@PathVariable UUID contactId) {
    List<RequestView> views =
        integrators
            .current()
            .map(integrator -> queries.viewsOfContact(contactId, integrator.name()))
            .orElseGet(() -> queries.viewsOfContact(contactId));
    return new ContactRequests(contactId, views);
  }

  record ContactRequests(UUID contactId, List<RequestView> requests) {}
}
