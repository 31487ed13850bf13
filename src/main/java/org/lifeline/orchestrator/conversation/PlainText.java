package org.lifeline.orchestrator.conversation;

/** Bean-validation patterns for text people write to each other. */
final class PlainText {

  /** Any text without control characters, except line breaks and tabs (PostgreSQL refuses NUL, the rest means nothing). */
  static final String PATTERN = "[\\P{Cc}\\t\\n\\r]*";

  static final String MESSAGE = "must not contain control characters (line breaks and tabs are fine)";

  /** A language code as the help line uses them: en, ru, uk. */
  static final String LANGUAGE = "[a-z]{2}";

  static final String LANGUAGE_MESSAGE = "must be a language code such as en, ru or uk";

  /** An Idempotency-Key: printable ASCII. */
  static final String KEY = "[\\x21-\\x7E]{1,200}";

  private PlainText() {}
}
