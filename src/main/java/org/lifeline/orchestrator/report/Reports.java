package org.lifeline.orchestrator.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.lifeline.orchestrator.audit.AccessAudit;
import org.lifeline.orchestrator.audit.AccessKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What the report endpoints and the console page share: the summary or the export of the facts as the last background
 * refresh left them ({@link ReportFacts}); a call never refreshes them itself.
 */
@Service
class Reports {

  /** The export's answer header saying up to when its facts hold every change, as the summary's {@code asOf}. */
  static final String AS_OF_HEADER = "X-Report-As-Of";

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ReportFacts facts;
  private final ReportSummaries summaries;
  private final RequestExport export;
  private final AccessAudit audit;
  private final Clock clock;

  Reports(ReportFacts facts, ReportSummaries summaries, RequestExport export, AccessAudit audit, Clock clock) {
    this.facts = facts;
    this.summaries = summaries;
    this.export = export;
    this.audit = audit;
    this.clock = clock;
  }

  /** Today in UTC, the reports' time zone. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /**
   * @throws ReportsNotReady while the facts are built for the first time
   */
  Summary summary(ReportPeriod period) {
    return summaries.summarise(period, facts.asOfLastRefresh());
  }

  /**
   * The export as a download, streamed after the response starts. Recorded in the access audit as an action (who
   * exported which period): a file of every request of a period leaves the platform.
   *
   * @param route the route as the audit names it, e.g. {@code GET /api/v1/reports/requests.csv}
   */
  ResponseEntity<StreamingResponseBody> export(ReportPeriod period, String actor, String route) {
    Instant asOf = facts.asOfLastRefresh();
    audit.record(actor, AccessKind.ACTION, route, null, "from=" + period.from() + ",to=" + period.to(), 200);
    StreamingResponseBody rows =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          export.write(period, writer);
          writer.flush();
        };
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(AS_OF_HEADER, asOf.toString())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("requests-" + period.from() + "-to-" + period.to() + ".csv")
                .build()
                .toString())
        .body(rows);
  }
}
