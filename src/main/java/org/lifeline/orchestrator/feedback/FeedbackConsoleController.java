package org.lifeline.orchestrator.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.SpecialistNotFoundException;
import org.lifeline.orchestrator.assignment.SpecialistRegistry;
import org.lifeline.orchestrator.curator.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's feedback page: the statistics of a period (UTC days), overall and per specialist. */
@Controller
class FeedbackConsoleController {

  private final FeedbackStatistics statistics;
  private final SpecialistRegistry specialists;
  private final Clock clock;

  FeedbackConsoleController(FeedbackStatistics statistics, SpecialistRegistry specialists, Clock clock) {
    this.statistics = statistics;
    this.specialists = specialists;
    this.clock = clock;
  }

  @GetMapping("/console/feedback")
  @PreAuthorize("hasAnyRole('CURATOR', 'ADMIN')")
  String feedback(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Authentication authentication,
      Model model) {
    LocalDate lastDay = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate firstDay = from != null && !from.isAfter(lastDay) ? from : lastDay.minusDays(29);
    FeedbackStatistics.Report report =
        statistics.report(
            firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
            lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            null);
    Map<UUID, String> names = new LinkedHashMap<>();
    report.specialists().forEach(figures -> names.put(figures.specialistId(), name(figures.specialistId())));
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("from", firstDay);
    model.addAttribute("to", lastDay);
    model.addAttribute("report", report);
    model.addAttribute("names", names);
    return "console/feedback";
  }

  private String name(UUID specialistId) {
    try {
      return specialists.get(specialistId).name();
    } catch (SpecialistNotFoundException removed) {
      return specialistId.toString().substring(0, 8);
    }
  }
}
