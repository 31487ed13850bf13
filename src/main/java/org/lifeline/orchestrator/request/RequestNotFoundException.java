package org.lifeline.orchestrator.request;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class RequestNotFoundException extends ErrorResponseException {

  public RequestNotFoundException(UUID id) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No request " + id), null);
  }
}
