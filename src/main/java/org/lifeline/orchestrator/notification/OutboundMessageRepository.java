package org.lifeline.orchestrator.notification;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OutboundMessageRepository extends JpaRepository<OutboundMessage, UUID> {

  boolean existsByRequestIdAndDedupKey(UUID requestId, String dedupKey);

  Optional<OutboundMessage> findByRequestIdAndDedupKey(UUID requestId, String dedupKey);

  List<OutboundMessage> findByRequestIdOrderByCreatedAt(UUID requestId);

  Optional<OutboundMessage> findFirstByRequestIdAndTemplateOrderByCreatedAtDesc(UUID requestId, String template);

  List<OutboundMessage> findByRequestIdAndTemplateAndStatus(UUID requestId, String template, OutboundMessage.Status status);

  /** The message, locked for the caller's transaction: one dispatcher at a time delivers it. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select m from OutboundMessage m where m.id = :id")
  Optional<OutboundMessage> findForDelivery(UUID id);

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
