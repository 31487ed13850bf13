package org.lifeline.orchestrator.conversation;

import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.MessageKind;

/** A conversation message without its text: who wrote when (for lists and counts). */
record ConversationEntry(UUID requestId, Long id, Instant at, Direction direction, MessageKind kind, String author) {}
