package org.lifeline.orchestrator.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Records and finds accesses. Entries hold ids and route templates, never content. */
@Service
public class AccessAudit {

  static final String REQUEST_ID_ATTRIBUTE = AccessAudit.class.getName() + ".requestId";
  static final String REFUSED_ATTRIBUTE = AccessAudit.class.getName() + ".refused";

  private final AccessAuditRepository entries;
  private final Clock clock;

  AccessAudit(AccessAuditRepository entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  /**
   * Tells the audit of the current HTTP call which request it concerns, when the path does not say
   * (a task id, for example). Does nothing outside an HTTP call.
   */
  public static void concernsRequest(UUID requestId) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null && requestId != null) {
      attributes.setAttribute(REQUEST_ID_ATTRIBUTE, requestId, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /**
   * Tells the audit of the current HTTP call that it was refused with this status (403, 404) though it answers
   * otherwise (a console form that redirects with a message), or though it is no audited read (a page's poll): the
   * call is recorded as that refusal. Any other status (a conflict, invalid input) is no refusal and is ignored; so is
   * a call outside HTTP.
   */
  public static void refusedWith(HttpStatusCode status) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null && status != null && (status.value() == 403 || status.value() == 404)) {
      attributes.setAttribute(REFUSED_ATTRIBUTE, status.value(), RequestAttributes.SCOPE_REQUEST);
    }
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String actor, AccessKind kind, String action, UUID requestId, String subject, int status) {
    entries.save(new AccessAuditEntry(clock.instant(), actor, kind, action, requestId, subject, status));
  }

  /**
   * Newest first. Every criterion is optional; {@code from} is inclusive, {@code to} exclusive; {@code refused}: only
   * refused calls (403, 404), or only the others.
   */
  @Transactional(readOnly = true)
  public Page<AccessAuditEntry> find(
      String actor, UUID requestId, Instant from, Instant to, Boolean refused, int page, int size) {
    List<Specification<AccessAuditEntry>> criteria = new ArrayList<>();
    if (actor != null) {
      criteria.add((root, query, cb) -> cb.equal(root.get("actor"), actor));
    }
    if (refused != null) {
      criteria.add(
          (root, query, cb) ->
              refused ? cb.greaterThanOrEqualTo(root.get("status"), 400) : cb.lessThan(root.get("status"), 400));
    }
    if (requestId != null) {
      criteria.add((root, query, cb) -> cb.equal(root.get("requestId"), requestId));
    }
    if (from != null) {
      criteria.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("at"), from));
    }
    if (to != null) {
      criteria.add((root, query, cb) -> cb.lessThan(root.get("at"), to));
    }
    return entries.findAll(
        Specification.allOf(criteria),
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id"))));
  }
}
