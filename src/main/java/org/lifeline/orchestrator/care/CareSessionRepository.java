package org.lifeline.orchestrator.care;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CareSessionRepository extends JpaRepository<CareSession, Long> {

  List<CareSession> findByRequestIdOrderByHeldAtAscIdAsc(UUID requestId);

  /** Erasure: the notes go, the facts (when, how long) stay for statistics. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update CareSession s set s.note = null where s.requestId in :requestIds")
  int eraseNotes(@Param("requestIds") Collection<UUID> requestIds);
}
