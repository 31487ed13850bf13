package org.lifeline.orchestrator.dialogue;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DialogueStateRepository extends JpaRepository<DialogueState, UUID> {}
