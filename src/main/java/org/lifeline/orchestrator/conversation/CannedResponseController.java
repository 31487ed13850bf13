package org.lifeline.orchestrator.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/canned-responses")
@Validated
@Tag(name = "Conversation")
class CannedResponseController {

  private final CannedResponses responses;

  CannedResponseController(CannedResponses responses) {
    this.responses = responses;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('SPECIALIST', 'CURATOR', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "Canned responses, by category and title; ?language=ru for one language")
  CannedResponseList list(
      @RequestParam(required = false) @Pattern(regexp = PlainText.LANGUAGE, message = PlainText.LANGUAGE_MESSAGE)
          String language) {
    return new CannedResponseList(responses.list(language));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('SPECIALIST', 'CURATOR', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "One canned response")
  CannedResponseView get(@PathVariable UUID id) {
    return responses.get(id);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('CURATOR', 'SUPERVISOR')")
  @Operation(summary = "Add a canned response: {language, category, title, text}")
  ResponseEntity<CannedResponseView> create(@Valid @RequestBody CannedResponseInput input, Principal principal) {
    CannedResponseView created = responses.create(input, principal.getName());
    return ResponseEntity.created(URI.create("/api/v1/canned-responses/" + created.id())).body(created);
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('CURATOR', 'SUPERVISOR')")
  @Operation(summary = "Replace a canned response")
  CannedResponseView update(@PathVariable UUID id, @Valid @RequestBody CannedResponseInput input, Principal principal) {
    return responses.update(id, input, principal.getName());
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAnyRole('CURATOR', 'SUPERVISOR')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a canned response")
  void delete(@PathVariable UUID id) {
    responses.delete(id);
  }

  record CannedResponseList(List<CannedResponseView> responses) {}
}
