package org.lifeline.orchestrator.assignment;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Another specialist already has this console username. */
class UsernameTakenException extends ErrorResponseException {

  UsernameTakenException(String username) {
    super(HttpStatus.CONFLICT, problem(username), null);
  }

  private static ProblemDetail problem(String username) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "username '" + username + "' belongs to another specialist");
    problem.setProperty("errors", List.of(Map.of("field", "username", "message", "belongs to another specialist")));
    return problem;
  }
}
