package org.lifeline.orchestrator.platform.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the endpoints open to the public per client: by credentials when there are any, by IP
 * address otherwise. Over the limit: 429 problem+json with Retry-After.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimitProperties properties;
  private final TokenBuckets buckets;
  private final ObjectMapper json;
  private final AntPathMatcher paths = new AntPathMatcher();

  RateLimitFilter(RateLimitProperties properties, TokenBuckets buckets, ObjectMapper json) {
    this.properties = properties;
    this.buckets = buckets;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return properties.paths().stream().noneMatch(pattern -> paths.match(pattern, path));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean anonymous =
        authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated();
    String key = anonymous ? "ip:" + request.getRemoteAddr() : "client:" + authentication.getName();
    Optional<Duration> wait = buckets.take(key, anonymous ? properties.anonymousPerMinute() : properties.clientPerMinute());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
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
