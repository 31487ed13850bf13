package org.lifeline.orchestrator.questionnaire;

/**
 * What is known about the request from outside the questionnaire and decides which questions apply.
 *
 * @param ageKnown the person stated their age at intake, so the questionnaire does not ask it again
 */
public record QuestionnaireContext(boolean ageKnown) {}
