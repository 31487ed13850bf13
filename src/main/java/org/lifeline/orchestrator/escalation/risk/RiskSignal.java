package org.lifeline.orchestrator.escalation.risk;

import org.lifeline.orchestrator.request.RiskLevel;

/**
 * One lexicon entry found in a message, or one of the lexicon's combinations that the message completes (warning signs
 * that weigh more together, such as a means with a time). It names the entry or combination and its category, never
 * the words that matched: signals go into logs, process variables and request history, where the person's own text
 * must not appear.
 *
 * @param id the lexicon entry's id, or the combination's id (e.g. means-with-intent-or-time)
 * @param language the language of the lexicon entry ("ru", "uk", "en"); for a combination, that of its first sign
 * @param level the level this signal contributes; a negated signal is lowered but never dismissed
 * @param category the category, e.g. suicidal-ideation, self-harm, plan-or-means, farewell, decision-or-deadline
 * @param negated whether every occurrence was negated ("I don't want to die"): a signal to review, not to drop
 */
public record RiskSignal(String id, String language, RiskLevel level, String category, boolean negated) {}
