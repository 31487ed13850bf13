package org.lifeline.orchestrator.platform;

import java.util.regex.Pattern;

/**
 * What text the platform takes: no control characters but line breaks and tabs (PostgreSQL refuses NUL, the rest
 * means nothing in what people write and can hide text in logs and pages), and tight character sets for handles and
 * codes. Every JSON text field is checked on reading ({@link StrictJsonConfiguration}); the patterns serve Bean
 * Validation where the same input also comes from a form or a CSV file.
 */
public final class PlainText {

  /** Any text without control characters, except line breaks and tabs. */
  public static final String PATTERN = "[\\P{Cc}\\t\\n\\r]*";

  public static final String MESSAGE = "must not contain control characters (line breaks and tabs are fine)";

  /** One line: no control characters at all (names, titles). */
  public static final String LINE = "\\P{Cc}*";

  public static final String LINE_MESSAGE = "must be one line without control characters";

  /**
   * A person's handle on a channel (Telegram chat id, e-mail address, an integrator's user id): letters and digits of
   * ASCII and {@code . _ : @ + = -}.
   */
  public static final String HANDLE = "[A-Za-z0-9._:@+=-]+";

  public static final String HANDLE_MESSAGE = "may contain ASCII letters, digits and . _ : @ + = - only";

  /** A language code as the help line uses them: en, ru, uk. */
  public static final String LANGUAGE = "[a-z]{2}";

  public static final String LANGUAGE_MESSAGE = "must be a language code such as en, ru or uk";

  /** An Idempotency-Key: printable ASCII. */
  public static final String KEY = "[\\x21-\\x7E]{1,200}";

  private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  private PlainText() {}

  /** Whether the text has no control characters but line breaks and tabs. */
  public static boolean isPlain(String text) {
    return !UNWANTED.matcher(text).find();
  }

  /** The text without its control characters (line breaks and tabs stay): for what a channel hands over as it is. */
  public static String strip(String text) {
    return UNWANTED.matcher(text).replaceAll("");
  }
}
