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
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every call that changes something and every {@link AuditedRead}, when it succeeds and when it is refused
 * (403, 404: an administrator sees probing): the caller, the route template, the ids in the path, the request
 * concerned and the status. Nothing of the body, the query string or the response is kept. Other failures (invalid
 * input, conflicts) read and change nothing and are not recorded.
 */
class AccessAuditInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AccessAuditInterceptor.class);
  private static final String REQUEST_ROUTE = "/api/v1/requests/{id}";
  private static final int MAX_SUBJECT = 500;
  private static final String ANONYMOUS = "anonymous";

  private final AccessAudit audit;

  AccessAuditInterceptor(AccessAudit audit) {
    this.audit = audit;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (!(handler instanceof HandlerMethod method)) {
      return;
    }
    // A refusal thrown past the controller becomes a 403 only after this point, in the security filters; a refusal the
    // controller answered otherwise (a redirect with a message) is told through AccessAudit.refusedWith.
    Integer toldRefused = request.getAttribute(AccessAudit.REFUSED_ATTRIBUTE) instanceof Integer told ? told : null;
    int status =
        toldRefused != null
            ? toldRefused
            : failure instanceof AccessDeniedException ? HttpStatus.FORBIDDEN.value() : response.getStatus();
    boolean refused = status == HttpStatus.FORBIDDEN.value() || status == HttpStatus.NOT_FOUND.value();
    if ((failure != null && !refused) || (status >= 400 && !refused)) {
      return;
    }
    AccessKind kind = kindOf(request.getMethod(), method);
    if (kind == null && toldRefused != null) {
      kind = AccessKind.READ; // a read that is audited only when it shows content: its refusals are recorded too
    }
    String actor = actor();
    if (kind == null || (failure != null && ANONYMOUS.equals(actor))) {
      return; // an anonymous caller's refusal is answered 401: nothing was tried with credentials
    }
    String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    Map<String, String> ids = pathVariables(request);
    try {
      audit.record(
          actor,
          kind,
          request.getMethod() + " " + pattern,
          requestId(request, pattern, ids),
          subject(ids),
          status);
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
      return ANONYMOUS;
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
