package org.lifeline.orchestrator.assignment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.lifeline.orchestrator.curator.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Onboarding a team from the console's Staff page: an administrator uploads the specialists' CSV file and gets every
 * new login's invitation link on the page (shown this once), or the rows that stopped the file.
 */
@Controller
class OnboardingConsoleController {

  private final SpecialistCsvImport csvImport;

  OnboardingConsoleController(SpecialistCsvImport csvImport) {
    this.csvImport = csvImport;
  }

  @PostMapping("/console/staff/import")
  @PreAuthorize("hasRole('ADMIN')")
  String importFile(@RequestParam("file") MultipartFile file, Authentication authentication, Model model) throws IOException {
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("fileName", file.getOriginalFilename());
    try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      model.addAttribute("outcome", csvImport.importWithLogins(reader, authentication.getName()));
    } catch (CsvImportException refused) {
      model.addAttribute("problem", refused.getBody().getDetail());
      model.addAttribute("rejected", refused.rejected());
    }
    return "console/onboarding";
  }
}
