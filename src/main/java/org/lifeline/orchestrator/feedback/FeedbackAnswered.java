package org.lifeline.orchestrator.feedback;

import java.util.UUID;

/** An answer was stored; after commit the engine is told (message FeedbackReceived). */
record FeedbackAnswered(UUID requestId) {}
