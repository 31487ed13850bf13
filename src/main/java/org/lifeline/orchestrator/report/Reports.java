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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** What the report endpoints and the console page share: fresh facts first, then the summary or the export. */
@Service
class Reports {

  private static final Logger log = LoggerFactory.getLogger(Reports.class);

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

  Summary summary(ReportPeriod period) {
    return summaries.summarise(period, refreshed());
  }

  /**
   * Refreshes the facts. While another refresh holds them longer than the database waits for a lock (the first build
   * of a large database), the facts as the last refresh left them are used.
   *
   * @return up to when the facts hold every change
   */
  private Instant refreshed() {
    try {
      return facts.refresh();
    } catch (PessimisticLockingFailureException busy) {
      log.info("Report facts are being refreshed by another caller; using them as of the last refresh");
      return facts.lastRefresh();
    }
  }

  /**
   * The export as a download, streamed after the response starts. Recorded in the access audit as an action (who
   * exported which period): a file of every request of a period leaves the platform.
   *
   * @param route the route as the audit names it, e.g. {@code GET /api/v1/reports/requests.csv}
   */
  ResponseEntity<StreamingResponseBody> export(ReportPeriod period, String actor, String route) {
    refreshed();
    audit.record(actor, AccessKind.ACTION, route, null, "from=" + period.from() + ",to=" + period.to(), 200);
    StreamingResponseBody rows =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          export.write(period, writer);
          writer.flush();
        };
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("requests-" + period.from() + "-to-" + period.to() + ".csv")
                .build()
                .toString())
        .body(rows);
  }
}
