package org.lifeline.orchestrator.conversation;

import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.questionnaire.LabelledAnswer;

/** A request's conversation, oldest message first, and the person's questionnaire answers (API contract). */
public record ConversationView(UUID requestId, List<MessageView> messages, List<LabelledAnswer> answers) {}
