package org.lifeline.orchestrator.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The period's requests as CSV, one anonymised row each, streamed from the database as it is read (a fetch size, so
 * PostgreSQL sends rows in batches and a year of requests never sits in memory).
 *
 * <p>What a row holds, and why it identifies nobody: {@code report_id} is the row's number in this export (1, 2, ...
 * in the order requests were received), not the request id and not derived from it, so two exports cannot be joined
 * row by row and nothing in the file leads back to a request; {@code received_hour} is the hour of intake (UTC), not
 * the minute; the statuses are seconds after intake; age as a group; channel, language, topic, risk level, outcome,
 * rating and the number of escalations as codes and numbers. No name, handle, text, stated age or staff username is
 * read.
 */
@Service
class RequestExport {

  static final List<String> STATUS_COLUMNS =
      Stream.of(RequestStatus.values())
          .filter(status -> status != RequestStatus.RECEIVED)
          .map(status -> ReportFacts.firstAt(status).replace("_at", "_after_s"))
          .toList();

  static final List<String> HEADER =
      Stream.of(
              Stream.of(
                  "report_id", "received_hour", "channel", "language", "topic", "age_group", "risk_level", "status",
                  "furthest_stage"),
              STATUS_COLUMNS.stream(),
              Stream.of("first_reply_after_s", "case_outcome", "case_closed_after_s", "feedback_asked_after_s", "rating",
                  "escalations"))
          .flatMap(columns -> columns)
          .toList();

  private static final int FETCH_SIZE = 1000;

  private final NamedParameterJdbcTemplate jdbc;

  RequestExport(DataSource dataSource) {
    JdbcTemplate streaming = new JdbcTemplate(dataSource);
    streaming.setFetchSize(FETCH_SIZE);
    this.jdbc = new NamedParameterJdbcTemplate(streaming);
  }

  /**
   * Writes the header and one row per request received in the period, oldest first.
   *
   * @return how many requests were written
   */
  @Transactional(readOnly = true)
  public long write(ReportPeriod period, Writer out) {
    try {
      CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(out);
      csv.printRecord(HEADER);
      long[] written = {0};
      jdbc.query(
          "select * from report_request where " + ReportSummaries.IN_PERIOD + " order by row_key",
          ReportSummaries.parametersOf(period),
          row -> {
            try {
              csv.printRecord(record(++written[0], row));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      csv.flush();
      return written[0];
    } catch (IOException e) {
      throw new UncheckedIOException("The export could not be written", e);
    }
  }

  private static List<Object> record(long reportId, ResultSet row) throws SQLException {
    OffsetDateTime received = row.getObject("received_at", OffsetDateTime.class);
    List<Object> values = new ArrayList<>(HEADER.size());
    values.add(reportId);
    values.add(received.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).toString());
    for (String code : List.of("channel", "language", "topic", "age_group", "risk_level", "status", "furthest_stage")) {
      values.add(cell(row.getString(code)));
    }
    for (RequestStatus status : RequestStatus.values()) {
      if (status != RequestStatus.RECEIVED) {
        values.add(secondsAfter(received, row, ReportFacts.firstAt(status)));
      }
    }
    values.add(secondsAfter(received, row, "first_reply_at"));
    values.add(cell(row.getString("case_outcome")));
    values.add(secondsAfter(received, row, "case_closed_at"));
    values.add(secondsAfter(received, row, "feedback_asked_at"));
    values.add(row.getObject("rating", Integer.class));
    values.add(row.getInt("escalations"));
    return values;
  }

  private static Long secondsAfter(OffsetDateTime received, ResultSet row, String column) throws SQLException {
    OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
    return at == null ? null : Duration.between(received, at).toSeconds();
  }

  /**
   * A text cell that a spreadsheet will not run as a formula: one starting with {@code = + - @}, a tab or a carriage
   * return gets a leading apostrophe (OWASP's advice on CSV injection). The facts hold codes only; this is the second
   * line of defence.
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value
        : value;
  }
}
