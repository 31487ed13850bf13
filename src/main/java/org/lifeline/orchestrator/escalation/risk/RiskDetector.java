package org.lifeline.orchestrator.escalation.risk;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * Scans an inbound message for risk signals (suicidal thoughts, self-harm, plans or means, immediate danger) using the
 * {@link RiskLexicon}. It errs on the side of a false alarm: a curator reviews every signal, while a missed one may
 * cost a life. So negation lowers a signal instead of dismissing it, and typos and look-alike letters still match.
 *
 * <p>Thread-safe and free of Spring: build it once from a lexicon and share it.
 */
public final class RiskDetector {

  private static final Comparator<RiskSignal> HIGHEST_LEVEL_FIRST =
      Comparator.comparing(RiskSignal::level).reversed().thenComparing(RiskSignal::id);

  private final TextNormalizer normalizer = new TextNormalizer();
  private final RiskLexicon.Settings settings;
  private final List<CompiledEntry> allEntries;
  private final Map<String, List<CompiledEntry>> entriesByLanguage;
  private final Set<String> negators;
  /** Every distinct pattern word position; phrases refer to it by index so each message word is compared once. */
  private final List<List<WordForm>> vocabulary = new ArrayList<>();

  public RiskDetector(RiskLexicon lexicon) {
    this.settings = lexicon.settings();
    Map<List<WordForm>, Integer> vocabularyIndex = new HashMap<>();
    List<CompiledEntry> compiled = new ArrayList<>();
    for (RiskLexicon.Entry entry : lexicon.entries()) {
      compiled.add(
          new CompiledEntry(
              entry,
              compile(entry.patterns(), entry, vocabularyIndex),
              compile(entry.exceptions(), entry, vocabularyIndex)));
    }
    this.allEntries = List.copyOf(compiled);
    Map<String, List<CompiledEntry>> byLanguage = new HashMap<>();
    for (CompiledEntry entry : compiled) {
      byLanguage.computeIfAbsent(entry.entry().language(), any -> new ArrayList<>()).add(entry);
    }
    this.entriesByLanguage = Map.copyOf(byLanguage);
    // All languages' negators count everywhere: people mix languages within one message.
    Set<String> negatorWords = new HashSet<>();
    for (Set<String> languageNegators : lexicon.negatorsByLanguage().values()) {
      languageNegators.forEach(negator -> negatorWords.addAll(normalizer.words(negator)));
    }
    this.negators = Set.copyOf(negatorWords);
  }

  /**
   * Assesses one message.
   *
   * @param text the message; null or blank gives {@link RiskLevel#NONE}
   * @param language "ru", "uk", "en" to use only that language's entries, or null to use all. A language the lexicon
   *     does not know also uses all entries, so an unexpected code never switches detection off.
   * @return the highest signal level and the signals; never contains the text or any part of it
   */
  public RiskAssessment assess(String text, String language) {
    if (text == null || text.isBlank()) {
      return RiskAssessment.NONE;
    }
    List<CompiledEntry> entries = entriesFor(language);
    Map<String, BitSet> vocabularyMatchesByWord = new HashMap<>();
    Map<CompiledEntry, Polarity> found = new LinkedHashMap<>();
    for (TextNormalizer.Sentence sentence : normalizer.sentences(text)) {
      SentenceWords words = new SentenceWords(sentence, vocabularyMatchesByWord);
      for (CompiledEntry entry : entries) {
        if (found.get(entry) == Polarity.AFFIRMED) {
          continue;
        }
        Polarity polarity = entry.find(words);
        if (polarity != null) {
          found.merge(entry, polarity, Polarity::strongest);
        }
      }
    }
    List<RiskSignal> signals = new ArrayList<>();
    found.forEach((entry, polarity) -> signals.add(signal(entry.entry(), polarity)));
    signals.sort(HIGHEST_LEVEL_FIRST);
    RiskLevel level = signals.stream().map(RiskSignal::level).reduce(RiskLevel.NONE, RiskLevel::max);
    return new RiskAssessment(level, signals);
  }

  private List<CompiledEntry> entriesFor(String language) {
    if (language == null) {
      return allEntries;
    }
    return entriesByLanguage.getOrDefault(language.trim().toLowerCase(Locale.ROOT), allEntries);
  }

  private RiskSignal signal(RiskLexicon.Entry entry, Polarity polarity) {
    boolean negated = polarity == Polarity.NEGATED;
    RiskLevel level = entry.level();
    if (negated && settings.negatedSignalLevel().compareTo(level) < 0) {
      level = settings.negatedSignalLevel();
    }
    return new RiskSignal(entry.id(), entry.language(), level, entry.category(), negated);
  }

  private List<int[]> compile(List<String> phrases, RiskLexicon.Entry entry, Map<List<WordForm>, Integer> index) {
    List<int[]> compiled = new ArrayList<>();
    for (String phrase : phrases) {
      String[] positions = phrase.trim().split("\\s+");
      int[] wordIds = new int[positions.length];
      for (int i = 0; i < positions.length; i++) {
        List<WordForm> alternatives = compileAlternatives(positions[i], phrase, entry);
        wordIds[i] =
            index.computeIfAbsent(
                alternatives,
                newWord -> {
                  vocabulary.add(newWord);
                  return vocabulary.size() - 1;
                });
      }
      compiled.add(wordIds);
    }
    return List.copyOf(compiled);
  }

  private List<WordForm> compileAlternatives(String position, String phrase, RiskLexicon.Entry entry) {
    List<WordForm> alternatives = new ArrayList<>();
    for (String alternative : position.split("\\|")) {
      boolean stem = alternative.endsWith("*");
      String written = stem ? alternative.substring(0, alternative.length() - 1) : alternative;
      List<String> words = normalizer.words(written);
      if (words.size() != 1 || written.contains("*")) {
        throw new IllegalArgumentException(
            "Risk lexicon: entry '%s', pattern '%s': '%s' must be one word, optionally ending in * (write"
                    .formatted(entry.id(), phrase, alternative)
                + " hyphenated words as separate words: 'self harm')");
      }
      alternatives.add(new WordForm(words.get(0), stem));
    }
    return List.copyOf(alternatives);
  }

  /** Whether an entry was found as said, or only under a negation. Affirmed wins when both occur. */
  private enum Polarity {
    AFFIRMED,
    NEGATED;

    Polarity strongest(Polarity other) {
      return this == AFFIRMED || other == AFFIRMED ? AFFIRMED : NEGATED;
    }
  }

  /** The words of one sentence: which vocabulary words each matches, which are negators, where clauses start. */
  private final class SentenceWords {
    private final BitSet[] vocabularyMatches;
    private final boolean[] negator;
    private final BitSet clauseStarts;

    SentenceWords(TextNormalizer.Sentence sentence, Map<String, BitSet> vocabularyMatchesByWord) {
      List<String> words = sentence.words();
      vocabularyMatches = new BitSet[words.size()];
      negator = new boolean[words.size()];
      for (int i = 0; i < words.size(); i++) {
        vocabularyMatches[i] = vocabularyMatchesByWord.computeIfAbsent(words.get(i), this::matchVocabulary);
        negator[i] = negators.contains(words.get(i));
      }
      clauseStarts = sentence.clauseStarts();
    }

    private BitSet matchVocabulary(String word) {
      BitSet matches = new BitSet(vocabulary.size());
      for (int id = 0; id < vocabulary.size(); id++) {
        for (WordForm form : vocabulary.get(id)) {
          if (form.matches(word, settings.typoTolerantMinLength())) {
            matches.set(id);
            break;
          }
        }
      }
      return matches;
    }

    int size() {
      return negator.length;
    }

    boolean matches(int position, int wordId) {
      return vocabularyMatches[position].get(wordId);
    }

    boolean isNegator(int position) {
      return negator[position];
    }

    boolean startsClause(int position) {
      return clauseStarts.get(position);
    }
  }

  /**
   * Where a phrase matched: the sentence positions of its own words. Positions between them that are not its words
   * are the gap words.
   */
  private record Match(int[] positions) {
    int first() {
      return positions[0];
    }

    int last() {
      return positions[positions.length - 1];
    }

    boolean overlaps(Match other) {
      return first() <= other.last() && other.first() <= last();
    }

    boolean isOwnWord(int position) {
      for (int own : positions) {
        if (own == position) {
          return true;
        }
      }
      return false;
    }
  }

  private final class CompiledEntry {
    private final RiskLexicon.Entry entry;
    private final List<int[]> phrases;
    private final List<int[]> exceptions;

    CompiledEntry(RiskLexicon.Entry entry, List<int[]> phrases, List<int[]> exceptions) {
      this.entry = entry;
      this.phrases = phrases;
      this.exceptions = exceptions;
    }

    RiskLexicon.Entry entry() {
      return entry;
    }

    /** AFFIRMED if some match in the sentence is not negated, NEGATED if all are, null if there is none. */
    Polarity find(SentenceWords sentence) {
      List<Match> exceptionMatches = exceptions.isEmpty() ? List.of() : allMatches(exceptions, sentence);
      Polarity result = null;
      for (int[] phrase : phrases) {
        for (int start = 0; start < sentence.size(); start++) {
          Match match = matchAt(phrase, sentence, start);
          if (match == null || exceptionMatches.stream().anyMatch(match::overlaps)) {
            continue;
          }
          if (!isNegated(match, sentence)) {
            return Polarity.AFFIRMED;
          }
          result = Polarity.NEGATED;
        }
      }
      return result;
    }

    private List<Match> allMatches(List<int[]> phrases, SentenceWords sentence) {
      List<Match> matches = new ArrayList<>();
      for (int[] phrase : phrases) {
        for (int start = 0; start < sentence.size(); start++) {
          Match match = matchAt(phrase, sentence, start);
          if (match != null) {
            matches.add(match);
          }
        }
      }
      return matches;
    }

    /**
     * Matches the phrase starting at the given word, allowing up to maxGapWords other words in between in total.
     * Taking the earliest next word is always best: it leaves the most gap allowance for the rest of the phrase.
     */
    private Match matchAt(int[] phrase, SentenceWords sentence, int start) {
      if (!sentence.matches(start, phrase[0])) {
        return null;
      }
      int[] positions = new int[phrase.length];
      positions[0] = start;
      int gapLeft = entry.maxGapWords();
      for (int i = 1; i < phrase.length; i++) {
        int previous = positions[i - 1];
        int next = previous + 1;
        int lastAllowed = Math.min(sentence.size() - 1, previous + 1 + gapLeft);
        while (next <= lastAllowed && !sentence.matches(next, phrase[i])) {
          next++;
        }
        if (next > lastAllowed) {
          return null;
        }
        gapLeft -= next - previous - 1;
        positions[i] = next;
      }
      return new Match(positions);
    }

    /**
     * A negator shortly before the phrase in the same clause, or among its gap words. Negators that belong to the
     * phrase ("не хочу жить") do not count.
     */
    private boolean isNegated(Match match, SentenceWords sentence) {
      int windowStart = Math.max(0, match.first() - settings.negationWindowWords());
      for (int i = match.first() - 1; i >= windowStart && !sentence.startsClause(i + 1); i--) {
        if (sentence.isNegator(i)) {
          return true;
        }
      }
      for (int i = match.first() + 1; i < match.last(); i++) {
        if (sentence.isNegator(i) && !match.isOwnWord(i)) {
          return true;
        }
      }
      return false;
    }
  }
}
