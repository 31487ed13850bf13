package org.lifeline.orchestrator.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 (too many failed logins) as problem+json, like every other API error. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper json;
  /** Asks for a bearer token (the web chat's session) instead of an API key or a login. */
  private final boolean bearer;

  ProblemAuthenticationEntryPoint(ObjectMapper json) {
    this(json, false);
  }

  private ProblemAuthenticationEntryPoint(ObjectMapper json, boolean bearer) {
    this.json = json;
    this.bearer = bearer;
  }

  /** The same answers for the web chat, whose calls carry a session's bearer token. */
  ProblemAuthenticationEntryPoint forBearerSessions() {
    return new ProblemAuthenticationEntryPoint(json, true);
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (exception instanceof LoginThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
      write(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
      return;
    }
    if (bearer) {
      boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
      response.setHeader("WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer");
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          presented
              ? "This chat session has ended or its token is not valid: open a new chat"
              : "A chat session's token is required: Authorization: Bearer <token> (POST /api/v1/chat/sessions)");
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"lifeline\"");
    write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required: an X-API-Key header or a user login");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this");
  }

  private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
