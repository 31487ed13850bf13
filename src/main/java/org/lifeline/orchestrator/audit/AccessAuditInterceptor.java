package org.lifeline.orchestrator.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every successful call that changes something and every successful {@link AuditedRead}:
 * the caller, the route template, the ids in the path and the request concerned. Nothing of the
 * body, the query string or the response is kept.
 */
class AccessAuditInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AccessAuditInterceptor.class);
  private static final String REQUEST_ROUTE = "/api/v1/requests/{id}";
  private static final int MAX_SUBJECT = 500;

  private final AccessAudit audit;

  AccessAuditInterceptor(AccessAudit audit) {
    this.audit = audit;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (!(handler instanceof HandlerMethod method) || failure != null || response.getStatus() >= 400) {
      return;
    }
    AccessKind kind = kindOf(request.getMethod(), method);
    if (kind == null) {
      return;
    }
    String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    Map<String, String> ids = pathVariables(request);
    try {
      audit.record(
          actor(),
          kind,
          request.getMethod() + " " + pattern,
          requestId(request, pattern, ids),
          subject(ids),
          response.getStatus());
    } catch (RuntimeException e) {
      log.error("Access audit entry for {} {} could not be written", request.getMethod(), pattern, e);
    }
  }

  private static AccessKind kindOf(String httpMethod, HandlerMethod method) {
    if (!"GET".equals(httpMethod) && !"HEAD".equals(httpMethod) && !"OPTIONS".equals(httpMethod)) {
      return AccessKind.ACTION;
    }
    boolean audited =
        AnnotatedElementUtils.hasAnnotation(method.getMethod(), AuditedRead.class)
            || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), AuditedRead.class);
    return audited ? AccessKind.READ : null;
  }

  private static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return "anonymous";
    }
    return authentication.getName();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> pathVariables(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return variables instanceof Map<?, ?> map ? new TreeMap<>((Map<String, String>) map) : Map.of();
  }

  private static UUID requestId(HttpServletRequest request, String pattern, Map<String, String> ids) {
    if (request.getAttribute(AccessAudit.REQUEST_ID_ATTRIBUTE) instanceof UUID told) {
      return told;
    }
    String candidate = ids.get("requestId");
    if (candidate == null && pattern.startsWith(REQUEST_ROUTE)) {
      candidate = ids.get("id");
    }
    try {
      return candidate == null ? null : UUID.fromString(candidate);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  private static String subject(Map<String, String> ids) {
    if (ids.isEmpty()) {
      return null;
    }
    String subject = ids.entrySet().stream().map(id -> id.getKey() + "=" + id.getValue()).collect(Collectors.joining(","));
    return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
  }
}
