package org.lifeline.orchestrator.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A database outage met before any controller runs (the login throttle keeps its counts in the database, and the
 * staff accounts live there) is answered as the API answers it everywhere else: 503 problem+json with Retry-After,
 * which callers retry, instead of a 500. The answer itself comes from the API's exception handler.
 */
final class DatabaseOutageInFilters extends OncePerRequestFilter {

  private final HandlerExceptionResolver resolver;

  DatabaseOutageInFilters(HandlerExceptionResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (DataAccessResourceFailureException | TransientDataAccessResourceException | CannotCreateTransactionException outage) {
      if (response.isCommitted() || resolver.resolveException(request, response, null, outage) == null) {
        throw outage;
      }
    }
  }
}
