package org.lifeline.orchestrator.staff;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The staff module's refusals, as problem+json on the API and as messages on the console pages. */
final class StaffProblems {

  private StaffProblems() {}

  /** No such staff member (or an invitation that is unknown, used, replaced or expired). */
  static class NotFound extends ErrorResponseException {
    NotFound(String detail) {
      super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
  }

  /** The change contradicts what is there (a taken username, a configured user, locking oneself out). */
  static class Conflict extends ErrorResponseException {
    Conflict(String field, String detail) {
      super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, field, detail), null);
    }
  }

  /** A password the policy refuses, or a wrong current password. */
  static class InvalidPassword extends ErrorResponseException {
    private final String field;
    private final List<String> messages;

    InvalidPassword(String field, List<String> messages) {
      super(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, field, messages), null);
      this.field = field;
      this.messages = List.copyOf(messages);
    }

    String field() {
      return field;
    }

    List<String> messages() {
      return messages;
    }
  }

  static String messageOf(ErrorResponseException problem) {
    return problem.getBody().getDetail();
  }

  private static ProblemDetail problem(HttpStatus status, String field, String detail) {
    return problem(status, field, List.of(detail));
  }

  private static ProblemDetail problem(HttpStatus status, String field, List<String> messages) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, field + " " + String.join("; ", messages));
    problem.setProperty(
        "errors", messages.stream().map(message -> Map.of("field", field, "message", message)).toList());
    return problem;
  }
}
