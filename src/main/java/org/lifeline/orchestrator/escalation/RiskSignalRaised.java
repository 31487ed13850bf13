package org.lifeline.orchestrator.escalation;

import java.util.UUID;

/** A stored signal that escalates: published to the engine once its transaction has committed. */
record RiskSignalRaised(UUID signalId) {}
