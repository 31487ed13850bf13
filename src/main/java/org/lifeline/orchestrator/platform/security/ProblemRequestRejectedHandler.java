package org.lifeline.orchestrator.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/** URLs the firewall refuses (encoded dots, traversal, NUL, ...) get a problem+json 400 like any bad input. */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

  private final ObjectMapper json;

  ProblemRequestRejectedHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request URL is not allowed"));
  }
}
