package org.lifeline.orchestrator.care;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Help delivery: the specialist holding a request records sessions and closes the case. Only that
 * specialist (or an admin) sees the case; to anyone else it does not exist.
 */
@Service
public class CareService {

  private final AssignmentService assignment;
  private final RequestLifecycle lifecycle;
  private final CareSessionRepository sessions;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final CaseMessages messages;
  private final Clock clock;

  CareService(
      AssignmentService assignment,
      RequestLifecycle lifecycle,
      CareSessionRepository sessions,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      CaseMessages messages,
      Clock clock) {
    this.assignment = assignment;
    this.lifecycle = lifecycle;
    this.sessions = sessions;
    this.jdbc = jdbc;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
  }

  /** Records a session of an accepted case ({@code IN_PROGRESS}). */
  @Transactional
  public CareSession recordSession(UUID requestId, CaseCaller caller, Instant at, int durationMinutes, String note) {
    UUID specialistId = heldBy(requestId, caller).orElseThrow(() -> new CaseNotFoundException(requestId));
    requireInProgress(requestId);
    return sessions.save(new CareSession(requestId, specialistId, at, durationMinutes, note, clock.instant()));
  }

  /**
   * Closes an accepted case with an outcome: frees the specialist's place and publishes
   * {@link CaseClosed} in this transaction (the process and feedback follow after commit). Closing
   * again with the same outcome changes nothing.
   */
  @Transactional
  public Closure close(UUID requestId, CaseCaller caller, String outcome) {
    Optional<Closure> earlier = closureOf(requestId);
    if (earlier.isPresent()) {
      Closure closure = earlier.get();
      if (!caller.admin() && !assignment.specialistWithUsername(caller.username()).equals(Optional.of(closure.specialistId()))) {
        throw new CaseNotFoundException(requestId);
      }
      if (!closure.outcome().equals(outcome)) {
        throw new CaseStateException("The case was already closed as " + closure.outcome());
      }
      messages.publishClosed(requestId, outcome);
      return closure;
    }
    UUID specialistId = heldBy(requestId, caller).orElseThrow(() -> new CaseNotFoundException(requestId));
    requireInProgress(requestId);
    Closure closure = new Closure(requestId, specialistId, outcome, clock.instant());
    jdbc.sql(
            """
            insert into care_closure (request_id, specialist_id, outcome, closed_at)
            values (:request, :specialist, :outcome, :at)
            """)
        .param("request", requestId)
        .param("specialist", specialistId)
        .param("outcome", outcome)
        .param("at", closure.closedAt().atOffset(ZoneOffset.UTC))
        .update();
    assignment.finish(requestId, specialistId);
    events.publishEvent(new CaseClosed(requestId, specialistId, outcome));
    return closure;
  }

  /** The specialist holding the request, when the caller may act on it. */
  private Optional<UUID> heldBy(UUID requestId, CaseCaller caller) {
    Optional<UUID> holder = assignment.holderOf(requestId);
    if (caller.admin()) {
      return holder;
    }
    return holder.filter(id -> assignment.specialistWithUsername(caller.username()).equals(Optional.of(id)));
  }

  private void requireInProgress(UUID requestId) {
    RequestStatus status = lifecycle.get(requestId).getStatus();
    if (status != RequestStatus.IN_PROGRESS) {
      throw new CaseStateException("The case is " + status + "; sessions and closure need it accepted (IN_PROGRESS)");
    }
  }

  private Optional<Closure> closureOf(UUID requestId) {
    return jdbc.sql("select request_id, specialist_id, outcome, closed_at from care_closure where request_id = :request")
        .param("request", requestId)
        .query(
            (row, number) ->
                new Closure(
                    row.getObject("request_id", UUID.class),
                    row.getObject("specialist_id", UUID.class),
                    row.getString("outcome"),
                    row.getObject("closed_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** Who calls: a specialist by console username, or an admin. */
  public record CaseCaller(String username, boolean admin) {}

  public record Closure(UUID requestId, UUID specialistId, String outcome, Instant closedAt) {}
}
