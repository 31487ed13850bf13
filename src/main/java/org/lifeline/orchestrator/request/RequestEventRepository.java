package org.lifeline.orchestrator.request;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestEventRepository extends JpaRepository<RequestEvent, Long> {

  List<RequestEvent> findByRequestIdOrderByAtAscIdAsc(UUID requestId);

  List<RequestEvent> findByRequestIdInOrderByAtAscIdAsc(Collection<UUID> requestIds);

  /** The request's history entries of one type, newest first. */
  List<RequestEvent> findByRequestIdAndTypeOrderByAtDescIdDesc(UUID requestId, RequestEventType type);
}
