package org.lifeline.orchestrator.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class IdempotencyConflictException extends ErrorResponseException {

  IdempotencyConflictException(String key) {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "Idempotency-Key '" + key + "' was already used for a different request body"),
        null);
  }
}
