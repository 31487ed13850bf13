package org.lifeline.orchestrator.audit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AccessAuditRepository
    extends JpaRepository<AccessAuditEntry, Long>, JpaSpecificationExecutor<AccessAuditEntry> {}
