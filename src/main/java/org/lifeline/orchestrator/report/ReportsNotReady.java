package org.lifeline.orchestrator.report;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The report facts are being built for the first time (every request of the database, once): 503 problem+json with
 * {@code Retry-After}, instead of a summary of nothing.
 */
class ReportsNotReady extends ErrorResponseException {

  static final long RETRY_AFTER_SECONDS = 30;

  ReportsNotReady() {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The reports are being prepared for the first time (every request received so far); this takes up to a"
                + " minute for a large database. Try again in " + RETRY_AFTER_SECONDS + " seconds.");
    problem.setTitle("Reports not ready yet");
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
