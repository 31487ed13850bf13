package org.lifeline.orchestrator.questionnaire;

/**
 * How far a person has got with the questionnaire; only questions that apply to them are counted.
 *
 * @param answered applicable questions answered, skipped optional ones included
 * @param total applicable questions
 * @param remainingRequired applicable required questions still unanswered; zero means complete
 */
public record Progress(int answered, int total, int remainingRequired) {

  public boolean complete() {
    return remainingRequired == 0;
  }
}
