package org.lifeline.orchestrator.questionnaire;

/** The outcome of checking one raw answer from the person against its question. */
public sealed interface AnswerCheck {

  /**
   * The answer is valid.
   *
   * @param value the normalised value to store; {@link Questionnaire#SKIPPED} when an optional question was skipped
   */
  record Accepted(String value) implements AnswerCheck {
    public boolean skipped() {
      return Questionnaire.SKIPPED.equals(value);
    }
  }

  /**
   * The answer does not fit the question; the person should be asked again.
   *
   * @param message what is expected, in English, safe to show to the person or an integrator
   */
  record Rejected(String message) implements AnswerCheck {}

  /** The questionnaire has no question with this id: a caller's mistake, not the person's. */
  record UnknownQuestion(String questionId) implements AnswerCheck {}
}
