package org.lifeline.orchestrator.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lifeline.orchestrator.staff.InvitedStaff;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/specialists")
@Tag(name = "Specialists")
@Validated
@PreAuthorize("hasAnyRole('CURATOR', 'ADMIN')")
class SpecialistController {

  static final String TEXT_CSV = "text/csv";

  private final SpecialistRegistry registry;
  private final SpecialistCsvImport csvImport;

  SpecialistController(SpecialistRegistry registry, SpecialistCsvImport csvImport) {
    this.registry = registry;
    this.csvImport = csvImport;
  }

  @PostMapping
  @Operation(summary = "Register a specialist (active at once)")
  ResponseEntity<SpecialistView> create(@Valid @RequestBody SpecialistDraft draft) {
    SpecialistView created = registry.create(draft);
    return ResponseEntity.created(URI.create("/api/v1/specialists/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A specialist with languages, topics, age groups, shifts and current load")
  SpecialistView get(@PathVariable UUID id) {
    return registry.get(id);
  }

  @GetMapping
  @Operation(summary = "Specialists by name, optionally only active/paused ones, a language or a topic")
  PageView list(
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String topic,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return PageView.of(registry.search(active, language, topic, page, size));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace what was entered about a specialist (load and active/paused stay)")
  SpecialistView update(@PathVariable UUID id, @Valid @RequestBody SpecialistDraft draft) {
    return registry.update(id, draft);
  }

  @PostMapping("/{id}/pause")
  @Operation(summary = "Stop proposing the specialist for new requests (current cases stay)")
  SpecialistView pause(@PathVariable UUID id) {
    return registry.pause(id);
  }

  @PostMapping("/{id}/resume")
  @Operation(summary = "Propose the specialist for new requests again")
  SpecialistView resume(@PathVariable UUID id) {
    return registry.resume(id);
  }

  @PostMapping(path = "/import", consumes = TEXT_CSV)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Onboard specialists from a CSV file: every row or none (422 lists the rejected rows)")
  ImportResult importCsv(@RequestBody String csv) {
    return new ImportResult(csvImport.importCsv(new StringReader(csv)));
  }

  /**
   * The same import, and a login for every username without one (administrators only): the answer carries each new
   * login's one-time invitation link, as JSON or, with {@code Accept: text/csv}, as a file to mail merge from.
   */
  @PostMapping(path = "/import", params = "logins=true", consumes = TEXT_CSV)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Onboard specialists and invite their logins (?logins=true): the invitation links are in the answer (JSON, or CSV with Accept: text/csv)")
  ResponseEntity<?> importWithLogins(
      @RequestBody String csv, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Authentication caller)
      throws IOException {
    SpecialistCsvImport.ImportOutcome outcome = csvImport.importWithLogins(new StringReader(csv), caller.getName());
    if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains(TEXT_CSV)) {
      return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(outcome);
    }
    StringBuilder links = new StringBuilder();
    try (CSVPrinter printer =
        new CSVPrinter(links, CSVFormat.DEFAULT.builder().setHeader("username", "name", "email", "invitation_url", "expires_at").get())) {
      for (InvitedStaff invited : outcome.invitations()) {
        printer.printRecord(
            invited.username(),
            invited.staff().displayName(),
            invited.staff().email(),
            invited.invitation().url(),
            invited.invitation().expiresAt());
      }
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invitations.csv\"")
        .body(links.toString());
  }

  @PostMapping(path = "/import", consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Onboard specialists from an uploaded CSV file (part 'file'): every row or none")
  ImportResult importCsvFile(@RequestPart("file") MultipartFile file) throws IOException {
    try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      return new ImportResult(csvImport.importCsv(reader));
    }
  }

  record ImportResult(int imported) {}

  record PageView(List<SpecialistView> content, int page, int size, long totalElements, int totalPages) {
    static PageView of(Page<SpecialistView> page) {
      return new PageView(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
  }
}
