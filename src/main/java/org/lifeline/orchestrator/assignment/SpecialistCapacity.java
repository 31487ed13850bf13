package org.lifeline.orchestrator.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A specialist's load: one reservation per (specialist, request). Both methods are idempotent, so a
 * retried job changes nothing twice, and the load can never exceed {@code max_cases}: the counter
 * only moves through a conditional UPDATE, which the database serialises per specialist row.
 */
@Service
public class SpecialistCapacity {

  static final String ACTIVE = "ACTIVE";
  static final String RELEASED = "RELEASED";

  private final JdbcClient jdbc;
  private final Clock clock;

  SpecialistCapacity(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Counts the request as one of the specialist's active cases.
   *
   * @return true when the request is reserved (now or already before); false when the specialist is
   *     paused, unknown or has no free capacity
   */
  @Transactional
  public boolean reserve(UUID specialistId, UUID requestId) {
    Optional<String> status = statusOf(specialistId, requestId);
    if (status.filter(ACTIVE::equals).isPresent()) {
      return true;
    }
    // Bound as a timestamp with a time zone: the PostgreSQL driver infers no SQL type for an Instant.
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    int taken =
        jdbc.sql(
                """
                update specialist set active_cases = active_cases + 1, last_assigned_at = :now
                where id = :id and active = true and active_cases < max_cases
                """)
            .param("now", now)
            .param("id", specialistId)
            .update();
    if (taken == 0) {
      return false;
    }
    if (status.isPresent()) {
      jdbc.sql(
              """
              update specialist_assignment set status = :active, reserved_at = :now, released_at = null
              where specialist_id = :specialist and request_id = :request
              """)
          .param("active", ACTIVE)
          .param("now", now)
          .param("specialist", specialistId)
          .param("request", requestId)
          .update();
    } else {
      jdbc.sql(
              """
              insert into specialist_assignment (specialist_id, request_id, status, reserved_at)
              values (:specialist, :request, :active, :now)
              """)
          .param("specialist", specialistId)
          .param("request", requestId)
          .param("active", ACTIVE)
          .param("now", now)
          .update();
    }
    return true;
  }

  /**
   * Ends the request's reservation (declined, timed out, case closed); nothing happens when it is
   * not reserved.
   *
   * @return true when this call freed a place
   */
  @Transactional
  public boolean release(UUID specialistId, UUID requestId) {
    int released =
        jdbc.sql(
                """
                update specialist_assignment set status = :released, released_at = :now
                where specialist_id = :specialist and request_id = :request and status = :active
                """)
            .param("released", RELEASED)
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .param("specialist", specialistId)
            .param("request", requestId)
            .param("active", ACTIVE)
            .update();
    if (released == 0) {
      return false;
    }
    jdbc.sql("update specialist set active_cases = active_cases - 1 where id = :id and active_cases > 0")
        .param("id", specialistId)
        .update();
    return true;
  }

  /** The specialist currently holding the request, if any. */
  @Transactional(readOnly = true)
  public Optional<UUID> holderOf(UUID requestId) {
    return jdbc.sql("select specialist_id from specialist_assignment where request_id = :request and status = :active")
        .param("request", requestId)
        .param("active", ACTIVE)
        .query(UUID.class)
        .optional();
  }

  /**
   * When the current reservation of the request was made: each reservation (the same specialist again after another
   * held it) has its own moment, a repeated call for a reservation that holds keeps it.
   */
  @Transactional(readOnly = true)
  public Optional<Instant> reservedAt(UUID requestId) {
    return jdbc.sql("select reserved_at from specialist_assignment where request_id = :request and status = :active")
        .param("request", requestId)
        .param("active", ACTIVE)
        .query((row, number) -> row.getObject("reserved_at", OffsetDateTime.class).toInstant())
        .optional();
  }

  /** Who holds each of these requests now (a request nobody holds is left out), in one query. */
  @Transactional(readOnly = true)
  public Map<UUID, Holder> holdersOf(Collection<UUID> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Holder> holders = new HashMap<>();
    jdbc.sql(
            """
            select a.request_id, sp.id, sp.name, sp.username
            from specialist_assignment a join specialist sp on sp.id = a.specialist_id
            where a.request_id in (:requests) and a.status = :active
            """)
        .param("requests", List.copyOf(requestIds))
        .param("active", ACTIVE)
        .query(
            (row, number) ->
                new Holder(
                    row.getObject("request_id", UUID.class),
                    row.getObject("id", UUID.class),
                    row.getString("name"),
                    row.getString("username")))
        .list()
        .forEach(holder -> holders.put(holder.requestId(), holder));
    return holders;
  }

  /** The specialist holding a request: staff facts, not the person's. */
  public record Holder(UUID requestId, UUID specialistId, String name, String username) {}

  /** The requests the specialist holds now, with when each was reserved for them, newest first. */
  @Transactional(readOnly = true)
  public List<HeldCase> heldBy(UUID specialistId) {
    return jdbc.sql(
            """
            select request_id, reserved_at from specialist_assignment
            where specialist_id = :specialist and status = :active
            order by reserved_at desc
            """)
        .param("specialist", specialistId)
        .param("active", ACTIVE)
        .query(
            (row, number) ->
                new HeldCase(
                    row.getObject("request_id", UUID.class),
                    row.getObject("reserved_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Whether the specialist held the request at some time (now, or before declining, timing out or closing it). */
  @Transactional(readOnly = true)
  public boolean hasHeld(UUID specialistId, UUID requestId) {
    return statusOf(specialistId, requestId).isPresent();
  }

  private Optional<String> statusOf(UUID specialistId, UUID requestId) {
    return jdbc.sql("select status from specialist_assignment where specialist_id = :specialist and request_id = :request")
        .param("specialist", specialistId)
        .param("request", requestId)
        .query(String.class)
        .optional();
  }
}
