package org.lifeline.orchestrator.assignment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface WaitingRequestRepository extends JpaRepository<WaitingRequest, UUID> {

  /** Priority first, then highest risk, then the longest waiting (index ix_waiting_request_order). */
  List<WaitingRequest> findByOrderByPriorityDescRiskPriorityDescWaitingSinceAscRequestIdAsc(Limit limit);
}
