package org.lifeline.orchestrator.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAlertRepository extends JpaRepository<StaffAlert, UUID> {

  @Query(
      """
      select a.id from StaffAlert a
      where a.status = org.lifeline.orchestrator.alert.StaffAlert.Status.PENDING and a.nextAttemptAt <= :now
      order by a.nextAttemptAt
      """)
  List<UUID> findDueIds(Instant now, Limit limit);

  List<StaffAlert> findByRequestIdOrderByCreatedAt(UUID requestId);

  List<StaffAlert> findByRecipientOrderByCreatedAt(String recipient);

  boolean existsByRequestIdAndEventAndRecipientAndCreatedAtAfter(
      UUID requestId, AlertEvent event, String recipient, Instant createdAfter);

  long countByStatus(StaffAlert.Status status);

  long countByStatusAndCreatedAtBefore(StaffAlert.Status status, Instant createdBefore);

  long countByStatusAndNextAttemptAtAfter(StaffAlert.Status status, Instant settledAfter);

  /** Alerts of these events since then that reached nobody's phone or inbox: only the log, or nobody at all. */
  @Query(
      """
      select count(a) from StaffAlert a
      where a.event in :events and a.createdAt > :since
        and (a.channel = org.lifeline.orchestrator.alert.AlertChannel.LOG
             or a.status = org.lifeline.orchestrator.alert.StaffAlert.Status.UNREACHABLE)
      """)
  long countUnreachedSince(Collection<AlertEvent> events, Instant since);

  @Query(
      """
      select min(a.createdAt) from StaffAlert a
      where a.status = org.lifeline.orchestrator.alert.StaffAlert.Status.PENDING
      """)
  Optional<Instant> findOldestPendingCreatedAt();
}
