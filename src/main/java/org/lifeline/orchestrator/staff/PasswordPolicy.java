package org.lifeline.orchestrator.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be (NIST SP 800-63B's advice: long, not a known one, no composition rules): at least
 * {@code lifeline.staff.min-password-length} characters (12 or more), at most 64 and 72 bytes (bcrypt reads no
 * more), not one of the 20,000 most common passwords shipped in {@code staff/common-passwords.txt.gz} (compared in
 * lower case), not the username, and not one character repeated.
 */
@Component
class PasswordPolicy {

  static final int MAX_LENGTH = 64;
  static final int MAX_BYTES = 72;
  static final String COMMON_PASSWORDS = "staff/common-passwords.txt.gz";

  private final int minLength;
  private final Set<String> common;

  PasswordPolicy(StaffProperties properties) {
    this.minLength = properties.minPasswordLength();
    this.common = load();
  }

  /** What is wrong with the password, empty when it is acceptable. */
  List<String> problems(String password, String username) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      problems.add("must not be empty");
      return problems;
    }
    int length = password.codePointCount(0, password.length());
    if (length < minLength) {
      problems.add("must be at least " + minLength + " characters long");
    }
    if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add("must be at most " + MAX_LENGTH + " characters (" + MAX_BYTES + " bytes)");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      problems.add("is one of the most common passwords; choose another");
    } else if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
      problems.add("must not contain the username");
    } else if (password.codePoints().distinct().count() == 1) {
      problems.add("must not be one character repeated");
    }
    return problems;
  }

  int minLength() {
    return minLength;
  }

  private static Set<String> load() {
    Set<String> passwords = new HashSet<>(32_768);
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new ClassPathResource(COMMON_PASSWORDS).getInputStream()), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          passwords.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("The list of common passwords " + COMMON_PASSWORDS + " cannot be read", unreadable);
    }
    return passwords;
  }
}
