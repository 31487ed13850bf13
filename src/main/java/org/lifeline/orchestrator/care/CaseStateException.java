package org.lifeline.orchestrator.care;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The case is not in a state for this (not accepted yet, or already closed with another outcome). */
public class CaseStateException extends ErrorResponseException {

  public CaseStateException(String detail) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
  }
}
