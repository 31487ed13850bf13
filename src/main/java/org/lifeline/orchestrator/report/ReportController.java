package org.lifeline.orchestrator.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class ReportController {

  static final String EXPORT_ROUTE = "GET /api/v1/reports/requests.csv";

  private final Reports reports;

  ReportController(Reports reports) {
    this.reports = reports;
  }

  @GetMapping("/summary")
  @Operation(
      summary = "What the line did with the requests received in a period (see docs/reports.md)",
      description =
          "from and to are days (YYYY-MM-DD, UTC, both included; default: the last 30 days up to today), at most"
              + " 732 days; groupBy is day, week or month (default by the period's length). Statuses, stages, risk"
              + " levels, times and counts only: never content. The figures are those of the last background refresh"
              + " (asOf, at most a minute old); while the facts are built for the first time: 503 with Retry-After.")
  Summary summary(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy) {
    return reports.summary(ReportPeriod.parse(from, to, groupBy, reports.today()));
  }

  @GetMapping("/requests.csv")
  @Operation(
      summary = "One anonymised CSV row per request received in a period (see docs/reports.md)",
      description =
          "report_id is the row's number in this export, not the request id. No names, handles, texts, stated ages"
              + " or staff usernames. Each export is recorded in the access audit.")
  ResponseEntity<StreamingResponseBody> requests(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Authentication caller) {
    return reports.export(ReportPeriod.parse(from, to, null, reports.today()), caller.getName(), EXPORT_ROUTE);
  }
}
