package org.lifeline.orchestrator.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A wrong password shows the login page with an error; too many of them, with how many seconds to wait
 * ({@code ?throttled=<seconds>}), so the page can tell the person when to try again.
 */
class ConsoleLoginFailures implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) throws IOException {
    String target =
        exception instanceof LoginThrottledException throttled
            ? "/console/login?throttled=" + throttled.retryAfterSeconds()
            : "/console/login?error";
    response.sendRedirect(request.getContextPath() + target);
  }
}
