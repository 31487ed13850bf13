package org.lifeline.orchestrator.assignment;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A CSV import that stored nothing: 400 when the file itself cannot be used (no header, unknown or
 * missing columns, too many rows), 422 with a report of every rejected row otherwise.
 */
public class CsvImportException extends ErrorResponseException {

  private final List<RejectedRow> rejected;

  private CsvImportException(HttpStatus status, ProblemDetail problem, List<RejectedRow> rejected) {
    super(status, problem, null);
    this.rejected = rejected;
  }

  static CsvImportException unusableFile(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Unusable CSV file");
    return new CsvImportException(HttpStatus.BAD_REQUEST, problem, List.of());
  }

  static CsvImportException rejectedRows(int rows, List<RejectedRow> rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            rejected.size() + " of " + rows + " rows are invalid; nothing was imported");
    problem.setTitle("Rejected CSV rows");
    problem.setProperty("rows", rows);
    problem.setProperty("rejected", rejected);
    return new CsvImportException(HttpStatus.UNPROCESSABLE_ENTITY, problem, rejected);
  }

  public List<RejectedRow> rejected() {
    return rejected;
  }

  /** One invalid row: its line in the file (the header is line 1) and what is wrong with it. */
  public record RejectedRow(long line, List<RowProblem> errors) {}

  /** {@code field} is the CSV column. */
  public record RowProblem(String field, String message) {}
}
