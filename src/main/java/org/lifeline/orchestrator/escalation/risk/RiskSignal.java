package org.lifeline.orchestrator.escalation.risk;

import org.lifeline.orchestrator.request.RiskLevel;

/**
 * One lexicon entry found in a message. It names the entry, never the words that matched: signals go into logs,
 * process variables and request history, where the person's own text must not appear.
 *
 * @param id the lexicon entry's id
 * @param language the language of the lexicon entry ("ru", "uk", "en")
 * @param level the level this signal contributes; a negated signal is lowered but never dismissed
 * @param category the entry's category, e.g. suicidal-ideation, self-harm, plan-or-means
 * @param negated whether every occurrence was negated ("I don't want to die"): a signal to review, not to drop
 */
public record RiskSignal(String id, String language, RiskLevel level, String category, boolean negated) {}
