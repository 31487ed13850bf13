package org.lifeline.orchestrator.telegram;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessedUpdateRepository extends JpaRepository<ProcessedUpdate, Long> {}
