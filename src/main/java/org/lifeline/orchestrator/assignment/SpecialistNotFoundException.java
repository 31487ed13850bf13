package org.lifeline.orchestrator.assignment;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class SpecialistNotFoundException extends ErrorResponseException {

  public SpecialistNotFoundException(UUID id) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No specialist " + id), null);
  }
}
