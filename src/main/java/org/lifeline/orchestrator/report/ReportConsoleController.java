package org.lifeline.orchestrator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.lifeline.orchestrator.curator.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The console's reports page: the summary as charts and tables, with the period and grouping as filters. */
@Controller
@RequestMapping("/console/reports")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class ReportConsoleController {

  static final String EXPORT_ROUTE = "GET /console/reports/requests.csv";

  private static final ReportFormat FORMAT = new ReportFormat();

  private final Reports reports;
  private final ObjectMapper json;

  ReportConsoleController(Reports reports, ObjectMapper json) {
    this.reports = reports;
    this.json = json;
  }

  @GetMapping
  String reports(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy,
      Authentication authentication,
      Model model)
      throws JsonProcessingException {
    model.addAttribute("caller", Caller.of(authentication));
    model.addAttribute("groupings", List.of(Grouping.values()));
    model.addAttribute("format", FORMAT);
    model.addAttribute("echartsPath", ReportAssets.ECHARTS_PATH);
    ReportPeriod period;
    try {
      period = ReportPeriod.parse(from, to, groupBy, reports.today());
    } catch (ErrorResponseException invalid) {
      model.addAttribute("problems", invalid.getBody().getProperties().get("errors"));
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      model.addAttribute("groupBy", groupBy);
      return "console/reports";
    }
    model.addAttribute("from", period.from());
    model.addAttribute("to", period.to());
    model.addAttribute("groupBy", period.groupBy().code());
    Summary summary;
    try {
      summary = reports.summary(period);
    } catch (ReportsNotReady preparing) {
      model.addAttribute("notReady", preparing.getBody().getDetail());
      return "console/reports";
    }
    model.addAttribute("summary", summary);
    model.addAttribute("countTables", CountTable.of(summary.requests()));
    // Inside a <script type="application/json"> element: "<" is escaped so no value can close the element.
    model.addAttribute("summaryJson", json.writeValueAsString(summary).replace("<", "\\u003c"));
    return "console/reports";
  }

  /** The same export as the API's, for a person signed in to the console. */
  @GetMapping("/requests.csv")
  ResponseEntity<StreamingResponseBody> requests(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Authentication caller) {
    return reports.export(ReportPeriod.parse(from, to, null, reports.today()), caller.getName(), EXPORT_ROUTE);
  }
}
