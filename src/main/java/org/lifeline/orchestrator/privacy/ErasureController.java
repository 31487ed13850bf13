package org.lifeline.orchestrator.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
@PreAuthorize("hasRole('ADMIN')")
class ErasureController {

  private final ErasureService erasure;

  ErasureController(ErasureService erasure) {
    this.erasure = erasure;
  }

  @DeleteMapping("/api/v1/admin/contacts/{contactId}/personal-data")
  @Operation(
      summary = "Erase a person's data",
      description = "Removes or anonymises handle, name, messages, answers and comments; statuses, timestamps and scores stay for statistics.")
  Erased erase(@PathVariable UUID contactId) {
    return new Erased(contactId, erasure.erase(contactId));
  }

  record Erased(UUID contactId, List<UUID> requests) {}
}
