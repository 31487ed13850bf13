package org.lifeline.orchestrator.chat;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChatSessionRepository extends JpaRepository<ChatSession, String> {}
