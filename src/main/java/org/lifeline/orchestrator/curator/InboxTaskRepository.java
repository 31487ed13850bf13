package org.lifeline.orchestrator.curator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InboxTaskRepository extends JpaRepository<InboxTask, Long> {

  /** Highest priority first, then the oldest (index ix_user_task_inbox_priority). */
  List<InboxTask> findByStateOrderByPriorityDescCreatedAtAscJobKeyAsc(InboxTask.State state);

  List<InboxTask> findByStateAndRequestIdOrderByPriorityDescCreatedAtAscJobKeyAsc(InboxTask.State state, UUID requestId);

  List<InboxTask> findByStateAndEngineRun(InboxTask.State state, String engineRun);

  /** Tasks of earlier embedded engine runs can never be completed: their jobs are gone. */
  @Modifying
  @Query(
      "update InboxTask t set t.state = org.lifeline.orchestrator.curator.InboxTask.State.STALE, t.endedAt = :now"
          + " where t.state = org.lifeline.orchestrator.curator.InboxTask.State.OPEN and t.engineRun <> :engineRun")
  int markStale(@Param("engineRun") String engineRun, @Param("now") Instant now);
}
