package org.lifeline.orchestrator.escalation.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * Scans an inbound message for risk signals using the {@link RiskLexicon}: explicit statements (suicidal thoughts,
 * self-harm, a method, violence, abuse) and the recognised warning signs that people write without naming the act (a
 * farewell, having or getting the means, a decision or a deadline, affairs put in order, hopelessness, fear of losing
 * control). Each lexicon entry found is a signal with its category; the lexicon's combinations then add a signal of
 * their own where warning signs together weigh more than each alone (a means together with a time, a farewell together
 * with a decision). It errs on the side of a false alarm: a curator reviews every signal, while a missed one may cost a
 * life. So negation lowers a signal instead of dismissing it, and typos, look-alike letters and Russian or Ukrainian
 * typed in Latin letters still match.
 *
 * <p>Thread-safe and free of Spring: build it once from a lexicon and share it.
 */
public final class RiskDetector {

  private static final Comparator<RiskSignal> HIGHEST_LEVEL_FIRST =
      Comparator.comparing(RiskSignal::level).reversed().thenComparing(RiskSignal::id);

  /**
   * A Latin word that a Latin pattern word (or stem) of at least this many letters knows is not read in Cyrillic.
   * Shorter pattern words leave both readings: "i" is English "I" and Ukrainian "і" (and).
   */
  private static final int MIN_LETTERS_OF_A_WORD_READ_AS_WRITTEN = 4;

  /**
   * How many other words may stand between the words of an exception. Exceptions are idioms ("suicide squad", "жить в
   * комнате"): allowing the entry's own gap would let "не хоче жити і закрилася в кімнаті" read as the everyday "жити в
   * кімнаті". One word still allows "меня [уже] не будет дома".
   */
  private static final int EXCEPTION_GAP = 1;

  private final TextNormalizer normalizer = new TextNormalizer();
  private final RiskLexicon.Settings settings;
  private final ByLanguage<CompiledEntry> entries;
  private final ByLanguage<CompiledMarker> markers;
  private final List<RiskLexicon.Combination> combinations;
  private final Set<String> negators;
  /** Phrases whose first word answers a question ("нет я ..."): that word then negates nothing. */
  private final List<int[]> answers;
  /** Every distinct pattern word position; phrases refer to it by index so each message word is compared once. */
  private final List<VocabularyWord> vocabulary = new ArrayList<>();

  public RiskDetector(RiskLexicon lexicon) {
    this.settings = lexicon.settings();
    Map<VocabularyWord, Integer> vocabularyIndex = new HashMap<>();
    List<CompiledEntry> compiledEntries = new ArrayList<>();
    for (RiskLexicon.Entry entry : lexicon.entries()) {
      Phrases phrases =
          new Phrases(
              compile(entry.patterns(), entry.id(), false, vocabularyIndex),
              compile(entry.exceptions(), entry.id(), true, vocabularyIndex),
              compile(entry.sentenceExceptions(), entry.id(), true, vocabularyIndex),
              entry.maxGapWords(),
              entry.anyOrder());
      compiledEntries.add(new CompiledEntry(entry, phrases));
    }
    this.entries = new ByLanguage<>(compiledEntries, CompiledEntry::language);
    List<CompiledMarker> compiledMarkers = new ArrayList<>();
    for (RiskLexicon.Marker marker : lexicon.markers()) {
      String name = marker.language() + " marker " + marker.name();
      Phrases phrases =
          new Phrases(
              compile(marker.patterns(), name, false, vocabularyIndex),
              List.of(),
              List.of(),
              settings.maxGapWords(),
              false);
      compiledMarkers.add(new CompiledMarker(marker, phrases));
    }
    this.markers = new ByLanguage<>(compiledMarkers, compiled -> compiled.marker().language());
    this.combinations =
        lexicon.combinations().stream()
            .sorted(Comparator.comparing(RiskLexicon.Combination::level).reversed())
            .toList();
    // All languages' negators and answers count everywhere: people mix languages within one message.
    Set<String> negatorWords = new HashSet<>();
    for (Set<String> languageNegators : lexicon.negatorsByLanguage().values()) {
      languageNegators.forEach(negator -> negatorWords.addAll(normalizer.words(negator)));
    }
    this.negators = Set.copyOf(negatorWords);
    List<String> answerPhrases = new ArrayList<>();
    lexicon.answersByLanguage().values().forEach(answerPhrases::addAll);
    this.answers = compile(answerPhrases, "answers", true, vocabularyIndex);
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
    List<CompiledEntry> languageEntries = entries.of(language);
    List<CompiledMarker> languageMarkers = markers.of(language);
    Map<String, BitSet> vocabularyMatchesByWord = new HashMap<>();
    Map<CompiledEntry, Polarity> found = new LinkedHashMap<>();
    Set<String> markersFound = new HashSet<>();
    for (TextNormalizer.Sentence sentence : normalizer.sentences(text)) {
      SentenceWords words = new SentenceWords(sentence, vocabularyMatchesByWord);
      Map<CompiledEntry, Polarity> inSentence = new LinkedHashMap<>();
      List<RiskLexicon.Entry> everyday = new ArrayList<>();
      for (CompiledEntry entry : languageEntries) {
        if (found.get(entry) == Polarity.AFFIRMED) {
          continue;
        }
        Polarity polarity = entry.phrases().find(words);
        if (polarity == Polarity.EVERYDAY) {
          everyday.add(entry.entry());
        } else if (polarity != null) {
          inSentence.put(entry, polarity);
        }
      }
      inSentence.forEach(
          (entry, polarity) -> {
            if (everyday.stream().noneMatch(reading -> readsAsEveryday(entry.entry(), reading))) {
              found.merge(entry, polarity, Polarity::strongest);
            }
          });
      for (CompiledMarker marker : languageMarkers) {
        if (!markersFound.contains(marker.marker().name()) && marker.phrases().find(words) == Polarity.AFFIRMED) {
          markersFound.add(marker.marker().name());
        }
      }
    }
    List<RiskSignal> signals = new ArrayList<>();
    List<RiskSignal> combinable = new ArrayList<>();
    found.forEach(
        (entry, polarity) -> {
          if (!entry.entry().fallback()) {
            combinable.add(signal(entry.entry(), polarity));
          } else if (!anotherOfItsCategory(entry, found.keySet())) {
            signals.add(signal(entry.entry(), polarity));
          }
        });
    combinable.sort(HIGHEST_LEVEL_FIRST);
    signals.addAll(combinable);
    signals.addAll(combinedSignals(combinable, markersFound));
    signals.sort(HIGHEST_LEVEL_FIRST);
    RiskLevel level = signals.stream().map(RiskSignal::level).reduce(RiskLevel.NONE, RiskLevel::max);
    return new RiskAssessment(level, signals);
  }

  /**
   * Whether an entry other than a safety net found something of the same category. A safety net's own signal is
   * weak evidence: it never completes a combination, so "stuck on the bridge in traffic right now" stays LOW.
   */
  private static boolean anotherOfItsCategory(CompiledEntry fallback, Set<CompiledEntry> found) {
    return found.stream()
        .anyMatch(
            other ->
                !other.entry().fallback() && other.entry().category().equals(fallback.entry().category()));
  }

  /**
   * Russian and Ukrainian words often match each other's entries (the same word, or one letter apart). Where one
   * language's entry reads a sentence as everyday ("скоро всё закончится, осталось два экзамена"), the other
   * languages' entries of that category and at most that level read it so too.
   */
  private static boolean readsAsEveryday(RiskLexicon.Entry entry, RiskLexicon.Entry everydayEntry) {
    return entry.category().equals(everydayEntry.category())
        && !entry.language().equals(everydayEntry.language())
        && entry.level().compareTo(everydayEntry.level()) <= 0;
  }

  /**
   * The signals of the combinations the message completes. Only affirmed signals take part: "I won't say goodbye"
   * completes nothing. A combination adds a signal only where it raises the message's level, highest combinations
   * first: a message that is HIGH already does not list every rule it also meets.
   *
   * @param signals the entries' signals, highest level first
   */
  private List<RiskSignal> combinedSignals(List<RiskSignal> signals, Set<String> markersFound) {
    RiskLevel level = signals.stream().map(RiskSignal::level).reduce(RiskLevel.NONE, RiskLevel::max);
    List<RiskSignal> combined = new ArrayList<>();
    for (RiskLexicon.Combination combination : combinations) {
      if (combination.level().compareTo(level) <= 0) {
        continue;
      }
      List<RiskSignal> parts = new ArrayList<>();
      int signsFound = 0;
      for (Set<String> sign : combination.signs()) {
        RiskSignal part =
            signals.stream()
                .filter(signal -> !signal.negated() && sign.contains(signal.category()))
                .findFirst()
                .orElse(null);
        if (part != null) {
          parts.add(part);
          signsFound++;
        } else if (sign.stream().anyMatch(markersFound::contains)) {
          signsFound++;
        }
      }
      if (!parts.isEmpty() && signsFound >= combination.atLeast()) {
        RiskSignal lead = parts.get(0);
        String category = combination.category() != null ? combination.category() : lead.category();
        combined.add(new RiskSignal(combination.id(), lead.language(), combination.level(), category, false));
        level = combination.level();
      }
    }
    return combined;
  }

  private RiskSignal signal(RiskLexicon.Entry entry, Polarity polarity) {
    boolean negated = polarity == Polarity.NEGATED;
    RiskLevel level = entry.level();
    if (negated && settings.negatedSignalLevel().compareTo(level) < 0) {
      level = settings.negatedSignalLevel();
    }
    return new RiskSignal(entry.id(), entry.language(), level, entry.category(), negated);
  }

  /**
   * Compiles phrases into vocabulary word ids.
   *
   * @param exact whether the words must match as written: exceptions and answers do, so one typo never turns a risk
   *     phrase into an everyday one
   */
  private List<int[]> compile(
      List<String> phrases, String owner, boolean exact, Map<VocabularyWord, Integer> index) {
    List<int[]> compiled = new ArrayList<>();
    for (String phrase : phrases) {
      String[] positions = phrase.trim().split("\\s+");
      int[] wordIds = new int[positions.length];
      for (int i = 0; i < positions.length; i++) {
        VocabularyWord alternatives = new VocabularyWord(compileAlternatives(positions[i], phrase, owner), exact);
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

  private List<WordForm> compileAlternatives(String position, String phrase, String owner) {
    List<WordForm> alternatives = new ArrayList<>();
    for (String alternative : position.split("\\|")) {
      boolean stem = alternative.endsWith("*");
      String written = stem ? alternative.substring(0, alternative.length() - 1) : alternative;
      List<String> words = normalizer.words(written);
      if (words.size() != 1 || written.contains("*")) {
        throw new IllegalArgumentException(
            "Risk lexicon: entry '%s', pattern '%s': '%s' must be one word, optionally ending in * (write"
                    .formatted(owner, phrase, alternative)
                + " hyphenated words as separate words: 'self harm')");
      }
      alternatives.add(new WordForm(words.get(0), stem));
    }
    return List.copyOf(alternatives);
  }

  private static boolean isLatin(String letters) {
    return letters.chars().allMatch(letter -> letter >= 'a' && letter <= 'z');
  }

  /** One word position of a pattern: its alternatives, and whether they must match without a typo. */
  private record VocabularyWord(List<WordForm> forms, boolean exact) {}

  /** Lexicon parts by language; a null or unknown language gets all of them. */
  private static final class ByLanguage<T> {
    private final List<T> all;
    private final Map<String, List<T>> byLanguage;

    ByLanguage(List<T> items, Function<T, String> languageOf) {
      this.all = List.copyOf(items);
      Map<String, List<T>> grouped = new HashMap<>();
      for (T item : items) {
        grouped.computeIfAbsent(languageOf.apply(item), any -> new ArrayList<>()).add(item);
      }
      this.byLanguage = Map.copyOf(grouped);
    }

    List<T> of(String language) {
      if (language == null) {
        return all;
      }
      return byLanguage.getOrDefault(language.trim().toLowerCase(Locale.ROOT), all);
    }
  }

  /**
   * Whether an entry was found as said, or only under a negation (affirmed wins when both occur), or in a sentence
   * that its sentence exceptions read as everyday.
   */
  private enum Polarity {
    AFFIRMED,
    NEGATED,
    EVERYDAY;

    Polarity strongest(Polarity other) {
      return this == AFFIRMED || other == AFFIRMED ? AFFIRMED : NEGATED;
    }
  }

  /**
   * The words of one sentence: which vocabulary words each matches (in any of its readings), which are negators,
   * where clauses start.
   */
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
        negator[i] = normalizer.readings(words.get(i)).stream().anyMatch(negators::contains);
      }
      clauseStarts = (BitSet) sentence.clauseStarts().clone();
      readAnswersAsClauseEnds();
    }

    /**
     * The vocabulary words a message word matches. A word in Latin letters is also read in Cyrillic ("umeret"),
     * unless a Latin pattern word of some length knows it as it is ("suicide"): then it is read only as written, so
     * the English entry with its exceptions ("suicide squad") decides about it.
     */
    private BitSet matchVocabulary(String word) {
      BitSet matches = matchReadings(List.of(word));
      List<String> readings = normalizer.readings(word);
      if (readings.size() == 1 || knownAsWritten(word, matches)) {
        return matches;
      }
      matches.or(matchReadings(readings.subList(1, readings.size())));
      return matches;
    }

    /**
     * The vocabulary words that readings of one word match. A word the lexicon knows as it is written (some pattern or
     * exception word or stem matches it without a typo) is that word, not a misspelling of another: "bother" is not
     * read as "brother", "diving" not as "driving", "купила" not as "копила". Only a word the lexicon does not know is
     * also matched with one typo.
     */
    private BitSet matchReadings(List<String> readings) {
      BitSet matches = new BitSet(vocabulary.size());
      for (int id = 0; id < vocabulary.size(); id++) {
        if (matchesAny(vocabulary.get(id).forms(), readings, Integer.MAX_VALUE)) {
          matches.set(id);
        }
      }
      if (!matches.isEmpty()) {
        return matches;
      }
      for (int id = 0; id < vocabulary.size(); id++) {
        VocabularyWord vocabularyWord = vocabulary.get(id);
        if (!vocabularyWord.exact()
            && matchesAny(vocabularyWord.forms(), readings, settings.typoTolerantMinLength())) {
          matches.set(id);
        }
      }
      return matches;
    }

    private boolean knownAsWritten(String word, BitSet matches) {
      for (int id = matches.nextSetBit(0); id >= 0; id = matches.nextSetBit(id + 1)) {
        for (WordForm form : vocabulary.get(id).forms()) {
          if (form.letters().length() >= MIN_LETTERS_OF_A_WORD_READ_AS_WRITTEN
              && isLatin(form.letters())
              && form.matches(word, settings.typoTolerantMinLength())) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean matchesAny(List<WordForm> forms, List<String> readings, int typoTolerantMinLength) {
      for (WordForm form : forms) {
        for (String reading : readings) {
          if (form.matches(reading, typoTolerantMinLength)) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * "нет я хочу умереть" written without a comma reads as "нет, я хочу умереть": an answer at the start of a clause
     * negates nothing, and a new clause starts after its first word.
     */
    private void readAnswersAsClauseEnds() {
      for (int start = 0; start < size(); start++) {
        if (start != 0 && !clauseStarts.get(start)) {
          continue;
        }
        for (int[] answer : answers) {
          if (start + answer.length <= size() && matchesInARow(answer, start)) {
            negator[start] = false;
            clauseStarts.set(start + 1);
            break;
          }
        }
      }
    }

    private boolean matchesInARow(int[] phrase, int start) {
      for (int i = 0; i < phrase.length; i++) {
        if (!matches(start + i, phrase[i])) {
          return false;
        }
      }
      return true;
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
   * Where a phrase matched: the sentence positions of its own words, in sentence order. Positions between them that
   * are not its words are the gap words.
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

  private record CompiledEntry(RiskLexicon.Entry entry, Phrases phrases) {
    String language() {
      return entry.language();
    }
  }

  private record CompiledMarker(RiskLexicon.Marker marker, Phrases phrases) {}

  /**
   * The compiled patterns of an entry or a marker, with what cancels them: exceptions cancel a match they overlap,
   * sentence exceptions cancel every match in their sentence.
   */
  private final class Phrases {
    private final List<int[]> patterns;
    private final List<int[]> exceptions;
    private final List<int[]> sentenceExceptions;
    private final int maxGapWords;
    /** Whether the patterns' words may stand in any order (exceptions keep theirs). */
    private final boolean anyOrder;

    Phrases(
        List<int[]> patterns,
        List<int[]> exceptions,
        List<int[]> sentenceExceptions,
        int maxGapWords,
        boolean anyOrder) {
      this.patterns = patterns;
      this.exceptions = exceptions;
      this.sentenceExceptions = sentenceExceptions;
      this.maxGapWords = maxGapWords;
      this.anyOrder = anyOrder;
    }

    /**
     * AFFIRMED if some match in the sentence is not negated, NEGATED if all are, EVERYDAY if a sentence exception
     * cancels them, null if there is none.
     */
    Polarity find(SentenceWords sentence) {
      Polarity result = null;
      List<Match> exceptionMatches = null;
      for (int[] pattern : patterns) {
        for (int start = 0; start < sentence.size(); start++) {
          Match match =
              anyOrder ? matchInAnyOrderAt(pattern, sentence, start) : matchAt(pattern, sentence, start, maxGapWords);
          if (match == null) {
            continue;
          }
          if (exceptionMatches == null) {
            if (!allMatches(sentenceExceptions, sentence).isEmpty()) {
              return Polarity.EVERYDAY;
            }
            exceptionMatches = allMatches(exceptions, sentence);
          }
          if (exceptionMatches.stream().anyMatch(match::overlaps)) {
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
          Match match = matchAt(phrase, sentence, start, EXCEPTION_GAP);
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
    private Match matchAt(int[] phrase, SentenceWords sentence, int start, int maxGapWords) {
      if (!sentence.matches(start, phrase[0])) {
        return null;
      }
      int[] positions = new int[phrase.length];
      positions[0] = start;
      int gapLeft = maxGapWords;
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
     * Matches the phrase's words in any order, the first of them at the given word, all within the phrase's length
     * plus maxGapWords words; each sentence word stands for one phrase word at most.
     */
    private Match matchInAnyOrderAt(int[] phrase, SentenceWords sentence, int start) {
      int end = Math.min(sentence.size() - 1, start + phrase.length - 1 + maxGapWords);
      int[] positions = new int[phrase.length];
      for (int i = 0; i < phrase.length; i++) {
        if (sentence.matches(start, phrase[i])) {
          positions[i] = start;
          if (placeRest(phrase, sentence, start, end, positions, i, 0)) {
            int[] inSentenceOrder = positions.clone();
            Arrays.sort(inSentenceOrder);
            return new Match(inSentenceOrder);
          }
        }
      }
      return null;
    }

    /** Places the phrase's words other than the one at {@code fixed} after start, from word {@code next} on. */
    private boolean placeRest(
        int[] phrase, SentenceWords sentence, int start, int end, int[] positions, int fixed, int next) {
      if (next == phrase.length) {
        return true;
      }
      if (next == fixed) {
        return placeRest(phrase, sentence, start, end, positions, fixed, next + 1);
      }
      for (int position = start + 1; position <= end; position++) {
        if (sentence.matches(position, phrase[next]) && !taken(positions, fixed, next, position)) {
          positions[next] = position;
          if (placeRest(phrase, sentence, start, end, positions, fixed, next + 1)) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean taken(int[] positions, int fixed, int placed, int position) {
      if (positions[fixed] == position) {
        return true;
      }
      for (int i = 0; i < placed; i++) {
        if (i != fixed && positions[i] == position) {
          return true;
        }
      }
      return false;
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
        if (sentence.isNegator(i) && !match.isOwnWord(i) && !strengthensOwnNegator(match, sentence, i)) {
          return true;
        }
      }
      return false;
    }

    /**
     * A gap negator right before a negator of the phrase itself only stresses it: in "заснути і більше ніколи не
     * прокинутися" the "ніколи" belongs with the phrase's own "не", it does not negate the phrase.
     */
    private static boolean strengthensOwnNegator(Match match, SentenceWords sentence, int position) {
      int next = position + 1;
      return next < sentence.size() && match.isOwnWord(next) && sentence.isNegator(next);
    }
  }
}
