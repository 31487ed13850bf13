package org.lifeline.orchestrator.platform.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.lifeline.orchestrator.platform.security.BearerSessions;
import org.lifeline.orchestrator.platform.security.Integrators;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public write paths per client: each integrator and each user by its name, callers without credentials
 * by IP address (the client's, behind a trusted proxy). Over the limit: 429 problem+json with Retry-After, counted in
 * {@value #REFUSED} by client.
 */
class RateLimitFilter extends OncePerRequestFilter {

  static final String REFUSED = "lifeline.rate-limit.refused";
  static final String ANONYMOUS = "anonymous";
  static final String PERSON = "person";

  private final RateLimitProperties properties;
  private final TokenBuckets buckets;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final AntPathMatcher paths = new AntPathMatcher();

  RateLimitFilter(RateLimitProperties properties, TokenBuckets buckets, ObjectMapper json, MeterRegistry metrics) {
    this.properties = properties;
    this.buckets = buckets;
    this.json = json;
    this.metrics = metrics;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!properties.methods().contains(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return properties.paths().stream().noneMatch(pattern -> paths.match(pattern, path));
  }

  private int perMinute(Authentication authentication, boolean anonymous) {
    if (anonymous) {
      return properties.anonymousPerMinute();
    }
    return isPerson(authentication) ? properties.personPerMinute() : properties.clientPerMinute();
  }

  /** A person in their own session: one bucket per session, one tag for all of them (sessions are countless). */
  private static boolean isPerson(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(
            authority ->
                BearerSessions.AUTHORITY.equals(authority.getAuthority())
                    || BearerSessions.ENDED_AUTHORITY.equals(authority.getAuthority()));
  }

  /**
   * Each kind of caller has its own key space, so an integrator and a user of the same name never share a bucket (nor
   * a person's session, nor an address).
   */
  private static String bucketOf(HttpServletRequest request, Authentication authentication, boolean anonymous) {
    if (anonymous) {
      return "ip:" + request.getRemoteAddr();
    }
    if (isPerson(authentication)) {
      return "person:" + authentication.getName();
    }
    return (Integrators.isIntegrator(authentication) ? "integrator:" : "user:") + authentication.getName();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean anonymous =
        authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated();
    String key = bucketOf(request, authentication, anonymous);
    Optional<Duration> wait = buckets.take(key, perMinute(authentication, anonymous));
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    metrics.counter(REFUSED, "client", anonymous ? ANONYMOUS : isPerson(authentication) ? PERSON : authentication.getName()).increment();
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many requests: try again in " + seconds + " s");
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
