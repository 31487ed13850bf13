package org.lifeline.orchestrator.conversation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How far each member of staff has read each conversation; the mark only moves forward. */
@Component
class ReadMarks {

  private final JdbcClient jdbc;
  private final Clock clock;

  ReadMarks(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void markRead(UUID requestId, String reader, long upToMessageId) {
    // "on conflict do nothing" never fails (PostgreSQL and H2 alike): a concurrent first read leaves one row.
    jdbc.sql(
            """
            insert into conversation_read (request_id, reader, last_read_id, read_at)
            values (:request, :reader, :id, :now)
            on conflict do nothing
            """)
        .param("request", requestId)
        .param("reader", reader)
        .param("id", upToMessageId)
        .param("now", now())
        .update();
    jdbc.sql(
            """
            update conversation_read set last_read_id = :id, read_at = :now
            where request_id = :request and reader = :reader and last_read_id < :id
            """)
        .param("id", upToMessageId)
        .param("now", now())
        .param("request", requestId)
        .param("reader", reader)
        .update();
  }

  /** As a timestamp with time zone: the PostgreSQL driver binds no {@link java.time.Instant}. */
  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  /** The id of the last message each of these conversations' reader has read (absent: none). */
  Map<UUID, Long> lastRead(Collection<UUID> requestIds, String reader) {
    Map<UUID, Long> marks = new HashMap<>();
    if (requestIds.isEmpty()) {
      return marks;
    }
    jdbc.sql("select request_id, last_read_id from conversation_read where reader = :reader and request_id in (:requests)")
        .param("reader", reader)
        .param("requests", requestIds)
        .query((row, number) -> Map.entry(row.getObject("request_id", UUID.class), row.getLong("last_read_id")))
        .list()
        .forEach(mark -> marks.put(mark.getKey(), mark.getValue()));
    return marks;
  }
}
