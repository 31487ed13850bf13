package org.lifeline.orchestrator.alert;

import java.time.Instant;
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

  @Query(
      """
      select min(a.createdAt) from StaffAlert a
      where a.status = org.lifeline.orchestrator.alert.StaffAlert.Status.PENDING
      """)
  Optional<Instant> findOldestPendingCreatedAt();
}
