package org.lifeline.orchestrator.curator;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskNoteRepository extends JpaRepository<TaskNote, Long> {

  List<TaskNote> findByTaskId(String taskId);
}
