package org.lifeline.orchestrator.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboundMessageRepository extends JpaRepository<OutboundMessage, UUID> {

  boolean existsByRequestIdAndDedupKey(UUID requestId, String dedupKey);

  Optional<OutboundMessage> findByRequestIdAndDedupKey(UUID requestId, String dedupKey);

  List<OutboundMessage> findByRequestIdOrderByCreatedAt(UUID requestId);

  @Query(
      """
      select m.id from OutboundMessage m
      where m.status = org.lifeline.orchestrator.notification.OutboundMessage.Status.PENDING
        and m.nextAttemptAt <= :now
      order by m.nextAttemptAt
      """)
  List<UUID> findDueIds(Instant now, Limit limit);

  long countByStatus(OutboundMessage.Status status);

  /** When the oldest message still waiting for delivery was queued (operations: outbox lag). */
  @Query(
      """
      select min(m.createdAt) from OutboundMessage m
      where m.status = org.lifeline.orchestrator.notification.OutboundMessage.Status.PENDING
      """)
  Optional<Instant> findOldestPendingCreatedAt();

  long countByStatusAndCreatedAtBefore(OutboundMessage.Status status, Instant createdBefore);
}
