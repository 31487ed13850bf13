package org.lifeline.orchestrator.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EscalationSignalRepository extends JpaRepository<EscalationSignal, UUID> {

  List<EscalationSignal> findByRequestIdOrderByCreatedAt(UUID requestId);

  /** Signals still to be published, oldest first. */
  @Query(
      """
      select s.id from EscalationSignal s
      where s.publishedAt is null and s.nextAttemptAt is not null and s.nextAttemptAt <= :now
      order by s.createdAt
      """)
  List<UUID> findIdsToPublish(@Param("now") Instant now, Limit limit);

  /** Takes a signal for publishing: one caller (thread or replica) wins while the lease runs. */
  @Modifying(clearAutomatically = true)
  @Query(
      """
      update EscalationSignal s set s.nextAttemptAt = :leaseUntil
      where s.id = :id and s.publishedAt is null and s.nextAttemptAt is not null and s.nextAttemptAt <= :now
      """)
  int leaseForPublishing(@Param("id") UUID id, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

  @Modifying(clearAutomatically = true)
  @Query("update EscalationSignal s set s.publishedAt = :now, s.attempts = s.attempts + 1 where s.id = :id")
  int markPublished(@Param("id") UUID id, @Param("now") Instant now);

  @Modifying(clearAutomatically = true)
  @Query("update EscalationSignal s set s.nextAttemptAt = :notBefore, s.attempts = s.attempts + 1 where s.id = :id")
  int postpone(@Param("id") UUID id, @Param("notBefore") Instant notBefore);
}
