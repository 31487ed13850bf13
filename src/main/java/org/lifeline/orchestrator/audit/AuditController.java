package org.lifeline.orchestrator.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Administration")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

  private final AccessAudit audit;

  AuditController(AccessAudit audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/admin/audit")
  @Operation(
      summary = "Access audit, newest first: who read or changed what, when, about which ids (never content)",
      description = "Refused calls (403, 404) are recorded too: refused=true lists only those, to see probing.")
  AuditPage find(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) UUID requestId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(required = false) Boolean refused,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return AuditPage.of(audit.find(actor, requestId, from, to, refused, page, size));
  }

  record AuditEntryView(
      Instant at, String actor, AccessKind kind, String action, UUID requestId, String subject, int status) {
    static AuditEntryView of(AccessAuditEntry entry) {
      return new AuditEntryView(
          entry.getAt(),
          entry.getActor(),
          entry.getKind(),
          entry.getAction(),
          entry.getRequestId(),
          entry.getSubject(),
          entry.getStatus());
    }
  }

  record AuditPage(List<AuditEntryView> content, int page, int size, long totalElements, int totalPages) {
    static AuditPage of(Page<AccessAuditEntry> page) {
      return new AuditPage(
          page.getContent().stream().map(AuditEntryView::of).toList(),
          page.getNumber(),
          page.getSize(),
          page.getTotalElements(),
          page.getTotalPages());
    }
  }
}
