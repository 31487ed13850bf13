package org.lifeline.orchestrator.questionnaire;

/**
 * A stored answer as staff read it.
 *
 * @param question the question's prompt in the reader's language
 * @param answer the answer (a choice's label in that language); null when the person skipped the question or the
 *     answer was erased
 */
public record LabelledAnswer(String questionId, String question, String answer) {}
