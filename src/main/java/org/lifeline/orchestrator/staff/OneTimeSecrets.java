package org.lifeline.orchestrator.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One-time secrets handed to a person (an invitation link, a Telegram link code) and the hashes stored instead of
 * them. They are random enough that a plain SHA-256 is the right hash: nobody can guess one to look it up.
 */
final class OneTimeSecrets {

  /** No 0/O, 1/I/L: a code is read off a screen and typed. */
  private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final int TOKEN_BYTES = 32;
  private static final int CODE_LENGTH = 8;
  private static final SecureRandom random = new SecureRandom();

  private OneTimeSecrets() {}

  /** 256 random bits, URL-safe: the invitation link's token. */
  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Eight letters and digits (about 40 bits), shown as {@code ABCD-EFGH}: a code typed into a chat. */
  static String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH + 1);
    for (int i = 0; i < CODE_LENGTH; i++) {
      if (i == CODE_LENGTH / 2) {
        code.append('-');
      }
      code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  /** A code as typed (any case, with or without the dash and spaces) in the form it was hashed in. */
  static String normaliseCode(String typed) {
    String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    return letters.length() == CODE_LENGTH ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
