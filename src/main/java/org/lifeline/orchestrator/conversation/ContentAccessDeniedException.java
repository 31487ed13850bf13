package org.lifeline.orchestrator.conversation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller knows the request exists but has no need to know its content now. */
public class ContentAccessDeniedException extends ErrorResponseException {

  ContentAccessDeniedException(String detail) {
    super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
  }
}
