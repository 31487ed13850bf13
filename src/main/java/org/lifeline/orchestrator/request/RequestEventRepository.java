package org.lifeline.orchestrator.request;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RequestEventRepository extends JpaRepository<RequestEvent, Long> {

  List<RequestEvent> findByRequestIdOrderByAtAscIdAsc(UUID requestId);

  List<RequestEvent> findByRequestIdInOrderByAtAscIdAsc(Collection<UUID> requestIds);

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update RequestEvent e set e.content = null where e.requestId in :requestIds")
  int eraseContent(@Param("requestIds") Collection<UUID> requestIds);

  /** The request's history entries of one type, newest first. */
  List<RequestEvent> findByRequestIdAndTypeOrderByAtDescIdDesc(UUID requestId, RequestEventType type);
}
