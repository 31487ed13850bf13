package org.lifeline.orchestrator.curator;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TaskNoteRepository extends JpaRepository<TaskNote, Long> {

  List<TaskNote> findByTaskId(String taskId);

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("delete from TaskNote n where n.requestId in :requestIds")
  int deleteByRequestIds(@Param("requestIds") Collection<UUID> requestIds);
}
