package org.lifeline.orchestrator.escalation.risk;

/**
 * One normalised pattern word: either a whole word or a stem ("покончи*" for покончить, покончу, покончил).
 *
 * <p>Long words and stems also match with one typo (a letter missing, added, replaced, or two letters swapped). To keep
 * that from matching unrelated words, a typo never touches the first or the last letter (of the stem, for a stem).
 * Without that, "overdos*" would match "overdo", "самоубийств*" would match "самолюбие", and the whole word "прыгну"
 * (I will jump) would match "прыгнул" (jumped), whose ending the lexicon left out on purpose.
 */
record WordForm(String letters, boolean stem) {

  boolean matches(String word, int typoTolerantMinLength) {
    if (stem ? word.startsWith(letters) : word.equals(letters)) {
      return true;
    }
    if (letters.length() < typoTolerantMinLength || word.charAt(0) != letters.charAt(0)) {
      return false;
    }
    if (!stem) {
      return endsLikeLetters(word) && withinOneEdit(word, letters);
    }
    int longestStart = Math.min(word.length(), letters.length() + 1);
    for (int length = Math.max(1, letters.length() - 1); length <= longestStart; length++) {
      String start = word.substring(0, length);
      if (endsLikeLetters(start) && withinOneEdit(start, letters)) {
        return true;
      }
    }
    return false;
  }

  private boolean endsLikeLetters(String candidate) {
    return candidate.charAt(candidate.length() - 1) == letters.charAt(letters.length() - 1);
  }

  /** Optimal string alignment distance of at most one: one insertion, deletion, substitution or adjacent swap. */
  static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int prefix = 0;
    int shorter = Math.min(a.length(), b.length());
    while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    if (a.length() != b.length()) {
      String longer = a.length() > b.length() ? a : b;
      String other = longer == a ? b : a;
      return longer.substring(prefix + 1).equals(other.substring(prefix));
    }
    if (prefix == a.length()) {
      return true;
    }
    boolean substituted = a.substring(prefix + 1).equals(b.substring(prefix + 1));
    boolean swapped =
        prefix + 1 < a.length()
            && a.charAt(prefix) == b.charAt(prefix + 1)
            && a.charAt(prefix + 1) == b.charAt(prefix)
            && a.substring(prefix + 2).equals(b.substring(prefix + 2));
    return substituted || swapped;
  }
}
