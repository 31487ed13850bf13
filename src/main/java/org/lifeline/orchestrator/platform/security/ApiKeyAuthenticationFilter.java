package org.lifeline.orchestrator.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates integrators (bots, web forms, partner systems) by the X-API-Key header: each key is its integrator.
 * Wrong keys count towards the caller's address in the {@link LoginThrottle}; while it must wait, no key is checked.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";

  private final Integrators integrators;
  private final LoginThrottle throttle;
  private final AuthenticationEntryPoint entryPoint;

  ApiKeyAuthenticationFilter(Integrators integrators, LoginThrottle throttle, AuthenticationEntryPoint entryPoint) {
    this.integrators = integrators;
    this.throttle = throttle;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(HEADER);
    if (presented == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Duration> wait = throttle.waitFor(null, request.getRemoteAddr());
    if (wait.isPresent()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new LoginThrottledException(wait.get()));
      return;
    }
    Optional<Integrator> integrator = integrators.withKey(presented);
    if (integrator.isEmpty()) {
      throttle.failed(null, request.getRemoteAddr());
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
      return;
    }
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            integrator.get().name(), null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.INTEGRATOR)));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
