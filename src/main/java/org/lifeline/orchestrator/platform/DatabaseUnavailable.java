package org.lifeline.orchestrator.platform;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached (down, restarting, failing over, or no pooled connection within the pool's
 * connection timeout): a temporary condition the caller should retry, not a server bug. One answer for it wherever
 * the failure surfaces: in a controller ({@link ApiExceptionHandler}) or before one, in a security filter that reads
 * the database ({@link ProblemErrorController}).
 */
final class DatabaseUnavailable {

  /** How long a caller is asked to wait (a restart or failover takes seconds). */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  /** Matched anywhere in the cause chain, so a failure wrapped by the transaction or persistence layer counts too. */
  static final List<Class<? extends Throwable>> FAILURES =
      List.of(
          CannotCreateTransactionException.class,
          DataAccessResourceFailureException.class,
          TransientDataAccessResourceException.class,
          SQLTransientConnectionException.class,
          SQLNonTransientConnectionException.class);

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

  private DatabaseUnavailable() {}

  static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      Throwable current = cause;
      if (FAILURES.stream().anyMatch(type -> type.isInstance(current))) {
        return true;
      }
    }
    return false;
  }

  /** 503 problem+json with {@code Retry-After}. */
  static ResponseEntity<ProblemDetail> answer(Throwable failure) {
    log.warn("Answered 503, the database cannot be reached: {}", rootCause(failure).toString());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached right now. Try again in a few seconds.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
