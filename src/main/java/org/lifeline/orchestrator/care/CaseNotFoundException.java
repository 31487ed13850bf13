package org.lifeline.orchestrator.care;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such case for the caller: unknown, not assigned to them, or not (any more) held by anyone. */
public class CaseNotFoundException extends ErrorResponseException {

  public CaseNotFoundException(UUID requestId) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case " + requestId), null);
  }
}
