package org.lifeline.orchestrator.curator;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskAuditRepository extends JpaRepository<TaskAuditEntry, Long> {

  List<TaskAuditEntry> findByTaskIdOrderByAtAscIdAsc(String taskId);
}
