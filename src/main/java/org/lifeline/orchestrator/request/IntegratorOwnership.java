package org.lifeline.orchestrator.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.platform.security.Integrator;
import org.lifeline.orchestrator.platform.security.Integrators;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * An integrator reads and writes only the requests it brought: every route under {@code /api/v1/requests/{id}}
 * (present and future ones) answers 404 to an integrator for another's request, as if it did not exist. People
 * (staff) are not concerned: their access follows their roles and work.
 */
class IntegratorOwnership implements HandlerInterceptor {

  static final String REQUEST_ROUTES = "/api/v1/requests/";

  private final Integrators integrators;
  private final HelpRequestRepository requests;

  IntegratorOwnership(Integrators integrators, HelpRequestRepository requests) {
    this.integrators = integrators;
    this.requests = requests;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Optional<Integrator> integrator = integrators.current();
    if (integrator.isEmpty()) {
      return true;
    }
    requestIdOf(request)
        .filter(id -> !requests.existsByIdAndIntegrator(id, integrator.get().name()))
        .ifPresent(
            id -> {
              throw new RequestNotFoundException(id);
            });
    return true;
  }

  /** The request id of a {@code /api/v1/requests/{...}/...} route, whatever its variable is called. */
  private static Optional<UUID> requestIdOf(HttpServletRequest request) {
    String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    if (!pattern.startsWith(REQUEST_ROUTES + "{")) {
      return Optional.empty();
    }
    String variable = pattern.substring(REQUEST_ROUTES.length() + 1, pattern.indexOf('}', REQUEST_ROUTES.length()));
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Object value = variables instanceof Map<?, ?> map ? map.get(variable) : null;
    try {
      return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.toString()));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty(); // the handler answers 400 for it
    }
  }
}
