package org.lifeline.orchestrator.escalation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationRepository extends JpaRepository<Escalation, UUID> {

  Optional<Escalation> findByEngineRunAndProcessInstanceKey(String engineRun, long processInstanceKey);

  List<Escalation> findByRequestIdAndClosedAtIsNull(UUID requestId);

  boolean existsByRequestIdAndClosedAtIsNull(UUID requestId);

  List<Escalation> findByRequestIdOrderByOpenedAt(UUID requestId);

  List<Escalation> findByClosedAtIsNullOrderByOpenedAt(Limit limit);

  List<Escalation> findAllByOrderByOpenedAtDesc(Limit limit);

  List<Escalation> findByClosedAtIsNullAndEngineRunNot(String engineRun);
}
