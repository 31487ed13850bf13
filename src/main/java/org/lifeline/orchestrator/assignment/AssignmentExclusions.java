package org.lifeline.orchestrator.assignment;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Specialists not to propose again for a request, kept in the database (not in process variables):
 * they declined it, let it time out, or a curator passed them over. Their number is the request's
 * count of failed attempts.
 */
@Service
public class AssignmentExclusions {

  private final JdbcClient jdbc;
  private final Clock clock;

  AssignmentExclusions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Idempotent: a specialist excluded before keeps the first reason. */
  @Transactional
  public void exclude(UUID requestId, UUID specialistId, String reason) {
    jdbc.sql(
            """
            insert into assignment_exclusion (request_id, specialist_id, reason, excluded_at)
            select :request, :specialist, :reason, :now from (values (1)) as one (x)
            where not exists (select 1 from assignment_exclusion
                              where request_id = :request and specialist_id = :specialist)
            """)
        .param("request", requestId)
        .param("specialist", specialistId)
        .param("reason", reason)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  @Transactional(readOnly = true)
  public Set<UUID> excludedFor(UUID requestId) {
    return new HashSet<>(
        jdbc.sql("select specialist_id from assignment_exclusion where request_id = :request")
            .param("request", requestId)
            .query(UUID.class)
            .list());
  }
}
