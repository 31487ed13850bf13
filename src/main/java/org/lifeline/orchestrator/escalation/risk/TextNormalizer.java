package org.lifeline.orchestrator.escalation.risk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns text into comparable words. People's messages and the lexicon's patterns go through the same steps, so
 * spelling habits and tricks cancel out: case, accents, ё/е, letters swapped between Russian and Ukrainian keyboards,
 * soft and hard signs (often left out in a hurry), look-alike letters from the other alphabet, digits and symbols used
 * as letters, stretched letters ("dieeee"). A word typed in Latin letters also has its Cyrillic readings, since many
 * people write Russian and Ukrainian on a Latin keyboard ("hochu umeret", "ne hochu zhyty").
 */
final class TextNormalizer {

  private static final String SENTENCE_ENDS = ".!?;…\n\r";
  private static final String CLAUSE_ENDS = ",:()[]{}\"«»“”„—–";

  /** Inside a mostly Cyrillic word these Latin letters, digits and symbols stand for Cyrillic letters ("сyицид"). */
  private static final Map<Integer, Integer> READ_AS_CYRILLIC =
      pairs("aа cс eе oо pр xх yу kк iи uи AА BВ CС EЕ HН KК MМ OО PР TТ XХ YУ IИ UИ 0о 1и 3з 4ч 6б @а $с !и");

  /** Inside a mostly Latin word these Cyrillic letters, digits and symbols stand for Latin letters ("suic1de"). */
  private static final Map<Integer, Integer> READ_AS_LATIN =
      pairs("аa сc еe оo рp хx уy кk іi ѕs јj АA ВB СC ЕE НH КK МM ОO РP ТT ХX УY ІI 0o 1i 3e 4a 5s 7t @a $s !i");

  /**
   * Letters that people swap depending on the keyboard at hand and on whether they write Russian or Ukrainian (the
   * Ukrainian и sounds like the Russian ы: "жыты" for жити, "жыть" for жить) are compared as one letter. ї and й lose
   * their marks with the other diacritics and become і and и first.
   */
  private static final Map<Integer, Integer> KEYBOARD_FOLDING = pairs("іи ыи єе ґг эе");

  /** Soft and hard signs carry no meaning for matching and are often left out ("хочеца", "umeret" for умереть). */
  private static final String DROPPED_LETTERS = "ьъ";

  /**
   * How Latin letters are read when Russian or Ukrainian is typed on a Latin keyboard: the usual transliterations and
   * chat habits, longest letter group first. Where a group has several readings all of them are tried: h is х in
   * "hochu" and г in "hotova", ts is ц or тс, ia is я in "zhyttia" or иа.
   */
  private static final List<Map.Entry<String, List<String>>> LATIN_TO_CYRILLIC =
      letterGroups(
          "shch=щ sch=щ,сч zh=ж kh=х ch=ч sh=ш ts=ц,тс ya=я ja=я yu=ю ju=ю yo=е jo=е ye=е je=е yi=и ji=и ia=я,иа"
              + " iu=ю,иу a=а b=б c=ц,с d=д e=е f=ф g=г h=х,г i=и j=и,ж k=к l=л m=м n=н o=о p=п q=к r=р s=с t=т"
              + " u=у v=в w=в x=х,кс y=и z=з");

  /** A cap on the readings of one word, so a long word full of ambiguous letters cannot make matching slow. */
  private static final int MAX_READINGS = 16;

  /**
   * A sentence's normalised words. Phrases match within a sentence. Negation reaches back only within a clause:
   * {@code clauseStarts} marks the words that follow a comma, colon, dash, bracket or quote, so in "No, I want to
   * die" the "no" answers something else, while "Хочу, чтобы всё закончилось" is still one phrase.
   */
  record Sentence(List<String> words, BitSet clauseStarts) {}

  List<Sentence> sentences(String text) {
    String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
    List<Sentence> sentences = new ArrayList<>();
    SentenceBuilder sentence = new SentenceBuilder();
    StringBuilder rawWord = new StringBuilder();
    int index = 0;
    while (index < composed.length()) {
      int codePoint = composed.codePointAt(index);
      index += Character.charCount(codePoint);
      if (isWordPart(codePoint) || isLetterInsideWord(codePoint, rawWord, composed, index)) {
        rawWord.appendCodePoint(codePoint);
      } else if (!isApostrophe(codePoint)) {
        sentence.addWord(rawWord);
        if (SENTENCE_ENDS.indexOf(codePoint) >= 0) {
          sentence.addTo(sentences);
          sentence = new SentenceBuilder();
        } else if (CLAUSE_ENDS.indexOf(codePoint) >= 0) {
          sentence.endClause();
        }
      }
    }
    sentence.addWord(rawWord);
    sentence.addTo(sentences);
    return sentences;
  }

  /**
   * The ways a normalised word may be read: itself, and for a word of Latin letters only also its Cyrillic readings
   * (normalised the same way), so a Russian or Ukrainian pattern finds "umeret" as it finds "умереть".
   */
  List<String> readings(String normalisedWord) {
    if (normalisedWord.isEmpty() || !normalisedWord.chars().allMatch(letter -> letter >= 'a' && letter <= 'z')) {
      return List.of(normalisedWord);
    }
    Set<String> cyrillic = new LinkedHashSet<>();
    cyrillic.add("");
    int index = 0;
    while (index < normalisedWord.length()) {
      Map.Entry<String, List<String>> group = longestGroupAt(normalisedWord, index);
      Set<String> longer = new LinkedHashSet<>();
      for (String start : cyrillic) {
        for (String reading : group.getValue()) {
          if (longer.size() < MAX_READINGS) {
            longer.add(start + reading);
          }
        }
      }
      cyrillic = longer;
      index += group.getKey().length();
    }
    List<String> all = new ArrayList<>(cyrillic.size() + 1);
    all.add(normalisedWord);
    cyrillic.stream().map(TextNormalizer::normalizeWord).distinct().forEach(all::add);
    return List.copyOf(all);
  }

  private static Map.Entry<String, List<String>> longestGroupAt(String word, int index) {
    for (Map.Entry<String, List<String>> group : LATIN_TO_CYRILLIC) {
      if (word.startsWith(group.getKey(), index)) {
        return group;
      }
    }
    throw new IllegalStateException("Every Latin letter has a reading");
  }

  /** All normalised words of the text, ignoring sentence and clause ends. */
  List<String> words(String text) {
    return sentences(text).stream().flatMap(sentence -> sentence.words().stream()).toList();
  }

  private static final class SentenceBuilder {
    private final List<String> words = new ArrayList<>();
    private final BitSet clauseStarts = new BitSet();
    private boolean clauseEnded;

    void addWord(StringBuilder rawWord) {
      if (rawWord.isEmpty()) {
        return;
      }
      String word = normalizeWord(rawWord.toString());
      rawWord.setLength(0);
      if (word.isEmpty()) {
        return;
      }
      if (clauseEnded && !words.isEmpty()) {
        clauseStarts.set(words.size());
      }
      clauseEnded = false;
      words.add(word);
    }

    void endClause() {
      clauseEnded = true;
    }

    void addTo(List<Sentence> sentences) {
      if (!words.isEmpty()) {
        sentences.add(new Sentence(List.copyOf(words), clauseStarts));
      }
    }
  }

  private static String normalizeWord(String rawWord) {
    Map<Integer, Integer> lookAlikes = lookAlikesFor(rawWord);
    StringBuilder read = new StringBuilder(rawWord.length());
    rawWord.codePoints().forEach(codePoint -> read.appendCodePoint(lookAlikes.getOrDefault(codePoint, codePoint)));
    String withoutMarks = Normalizer.normalize(read.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder word = new StringBuilder(withoutMarks.length());
    int previous = -1;
    for (int offset = 0; offset < withoutMarks.length(); ) {
      int codePoint = withoutMarks.codePointAt(offset);
      offset += Character.charCount(codePoint);
      codePoint = KEYBOARD_FOLDING.getOrDefault(codePoint, codePoint);
      if (DROPPED_LETTERS.indexOf(codePoint) >= 0) {
        continue;
      }
      // Marks, leftover symbols and stretched letters carry no meaning for matching.
      if (Character.isLetterOrDigit(codePoint) && codePoint != previous) {
        word.appendCodePoint(codePoint);
        previous = codePoint;
      }
    }
    return word.toString();
  }

  /** Look-alikes are read in the alphabet most of the word's letters use; a word without letters is left alone. */
  private static Map<Integer, Integer> lookAlikesFor(String rawWord) {
    long cyrillic = rawWord.codePoints().filter(c -> isLetterOf(c, Character.UnicodeScript.CYRILLIC)).count();
    long latin = rawWord.codePoints().filter(c -> isLetterOf(c, Character.UnicodeScript.LATIN)).count();
    if (cyrillic == 0 && latin == 0) {
      return Map.of();
    }
    return cyrillic >= latin ? READ_AS_CYRILLIC : READ_AS_LATIN;
  }

  private static boolean isLetterOf(int codePoint, Character.UnicodeScript script) {
    return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == script;
  }

  private static boolean isWordPart(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetterOrDigit(codePoint)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || codePoint == '@'
        || codePoint == '$';
  }

  /** An exclamation mark between letters is a letter in disguise ("su!cide"), not the end of a sentence. */
  private static boolean isLetterInsideWord(int codePoint, StringBuilder rawWord, String text, int nextIndex) {
    return codePoint == '!'
        && !rawWord.isEmpty()
        && nextIndex < text.length()
        && Character.isLetterOrDigit(text.codePointAt(nextIndex));
  }

  /** Apostrophes vanish without splitting the word: "don't" reads "dont", "б'є" reads "бє". */
  private static boolean isApostrophe(int codePoint) {
    return codePoint == '\'' || codePoint == '’' || codePoint == 'ʼ' || codePoint == '`' || codePoint == '‘';
  }

  /** "sh=ш ts=ц,тс" as groups with their readings, longest group first so "shch" wins over "sh". */
  private static List<Map.Entry<String, List<String>>> letterGroups(String groups) {
    return Arrays.stream(groups.split(" "))
        .map(group -> group.split("="))
        .map(parts -> Map.entry(parts[0], List.of(parts[1].split(","))))
        .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> group) -> group.getKey().length()).reversed())
        .toList();
  }

  private static Map<Integer, Integer> pairs(String spaceSeparatedPairs) {
    Map<Integer, Integer> mapping = new HashMap<>();
    for (String pair : spaceSeparatedPairs.split(" ")) {
      int[] codePoints = pair.codePoints().toArray();
      mapping.put(codePoints[0], codePoints[1]);
    }
    return Map.copyOf(mapping);
  }
}
