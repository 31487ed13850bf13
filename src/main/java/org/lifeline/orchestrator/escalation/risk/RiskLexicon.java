package org.lifeline.orchestrator.escalation.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeline.orchestrator.request.RiskLevel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The risk words and phrases, kept as data that the clinical lead edits (see the header of
 * {@value #DEFAULT_LOCATION} for the pattern syntax). Loading checks every entry, so a mistake in the file stops the
 * application at startup instead of silently missing signals.
 */
public final class RiskLexicon {

  /** Classpath location of the lexicon shipped with the application. */
  public static final String DEFAULT_LOCATION = "risk/lexicon.yaml";

  /**
   * How matching behaves, set at the top of the main lexicon file.
   *
   * @param maxGapWords how many other words may stand between the words of a phrase, in total
   * @param negationWindowWords how many words before a phrase are searched for a negation
   * @param negatedSignalLevel the level of a negated signal (capped at the entry's own level); never NONE
   * @param typoTolerantMinLength from this many letters a pattern word also matches with one typo
   */
  public record Settings(
      int maxGapWords, int negationWindowWords, RiskLevel negatedSignalLevel, int typoTolerantMinLength) {}

  /**
   * One lexicon entry.
   *
   * @param id unique across the lexicon; this is what signals, logs and history show
   * @param language the language section the entry belongs to
   * @param level LOW, MEDIUM or HIGH: the level of the entry found on its own
   * @param category one of the lexicon's declared categories
   * @param patterns phrases that raise the signal
   * @param exceptions phrases that cancel a match they overlap (idioms such as "suicide squad")
   * @param sentenceExceptions phrases that cancel the entry anywhere in the same sentence ("goodbye" with "see you
   *     tomorrow")
   * @param maxGapWords the entry's own gap limit, or the lexicon's setting when the entry does not set one
   * @param anyOrder whether a pattern's words may stand in any order ("себя убью" as well as "убью себя"), all within
   *     a stretch of the pattern's length plus maxGapWords words
   * @param fallback whether the entry is a safety net for its category: its signal counts only when no other entry of
   *     that category is found in the message, so a broad rule ("I" near a word of death) catches what the specific
   *     entries miss without repeating what they found
   */
  public record Entry(
      String id,
      String language,
      RiskLevel level,
      String category,
      List<String> patterns,
      List<String> exceptions,
      List<String> sentenceExceptions,
      int maxGapWords,
      boolean anyOrder,
      boolean fallback) {}

  /**
   * Words that raise no signal alone but complete a combination, such as a time ("tonight", "сегодня").
   *
   * @param name what combinations call it, e.g. {@code time}
   * @param language the language section it belongs to
   * @param patterns phrases, written like an entry's patterns
   */
  public record Marker(String name, String language, List<String> patterns) {}

  /**
   * Warning signs that together weigh more than each alone, e.g. a means together with a time.
   *
   * @param id unique across entries and combinations; the signal the combination raises carries it
   * @param level the level of that signal
   * @param category the category the signal names; null to take the category of the first sign found
   * @param signs what must be found in the message: each sign is a set of alternative categories and marker names
   * @param atLeast how many of the signs must be found (all of them unless the rule says otherwise)
   */
  public record Combination(String id, RiskLevel level, String category, List<Set<String>> signs, int atLeast) {}

  /**
   * A pattern word written as {@code <name>} stands for every word of the language's concept of that name: one place
   * to keep a family of words ("pills, tablets, meds, снотворное...") that many patterns use.
   */
  private static final Pattern CONCEPT_REFERENCE = Pattern.compile("<([a-z0-9-]+)>");

  private final Settings settings;
  private final Set<String> categories;
  private final Map<String, Map<String, List<String>>> conceptsByLanguage;
  private final Map<String, Set<String>> negatorsByLanguage;
  private final Map<String, List<String>> answersByLanguage;
  private final List<Entry> entries;
  private final List<Marker> markers;
  private final List<Combination> combinations;

  private RiskLexicon(Builder builder) {
    this.settings = builder.settings;
    this.categories = Collections.unmodifiableSet(new LinkedHashSet<>(builder.categories));
    Map<String, Map<String, List<String>>> concepts = new LinkedHashMap<>();
    builder.conceptsByLanguage.forEach((language, named) -> concepts.put(language, Map.copyOf(named)));
    this.conceptsByLanguage = Map.copyOf(concepts);
    this.negatorsByLanguage = Map.copyOf(builder.negatorsByLanguage);
    Map<String, List<String>> answers = new LinkedHashMap<>();
    builder.answersByLanguage.forEach((language, phrases) -> answers.put(language, List.copyOf(phrases)));
    this.answersByLanguage = Map.copyOf(answers);
    this.entries = List.copyOf(builder.entriesById.values());
    this.markers = List.copyOf(builder.markers);
    this.combinations = List.copyOf(builder.combinationsById.values());
  }

  /** The lexicon shipped with the application. */
  public static RiskLexicon loadDefault() {
    try (InputStream lexicon = RiskLexicon.class.getClassLoader().getResourceAsStream(DEFAULT_LOCATION)) {
      if (lexicon == null) {
        throw new IllegalStateException("Risk lexicon not found on the classpath: " + DEFAULT_LOCATION);
      }
      return load(lexicon);
    } catch (IOException e) {
      throw new UncheckedIOException("Risk lexicon could not be read: " + DEFAULT_LOCATION, e);
    }
  }

  /**
   * Reads a main lexicon and optional additions. An addition has the same shape without {@code settings}: it may
   * declare more categories, negators and entries (for example a local list kept outside the application), but may
   * not reuse an entry id. The caller closes the streams.
   */
  public static RiskLexicon load(InputStream mainLexicon, InputStream... additions) {
    Map<String, Object> main = readDocument(mainLexicon, "main lexicon");
    requireOnlyKeys(main, "main lexicon", "settings", "categories", "languages", "combinations");
    Builder builder = new Builder(readSettings(map(main.get("settings"), "settings")));
    builder.add(main, "main lexicon");
    for (int i = 0; i < additions.length; i++) {
      String where = "lexicon addition " + (i + 1);
      Map<String, Object> addition = readDocument(additions[i], where);
      requireOnlyKeys(addition, where, "categories", "languages", "combinations");
      builder.add(addition, where);
    }
    return builder.build();
  }

  public Settings settings() {
    return settings;
  }

  public Set<String> categories() {
    return categories;
  }

  public Set<String> languages() {
    return negatorsByLanguage.keySet();
  }

  /**
   * Per language, the concepts: named families of words that patterns refer to as {@code <name>}, as written in the
   * file (an item may itself be {@code <another>}). Entries and markers hold their patterns with the concepts
   * already written out.
   */
  public Map<String, Map<String, List<String>>> conceptsByLanguage() {
    return conceptsByLanguage;
  }

  /** Words that negate a phrase they precede ("not", "не"), per language, as written in the file. */
  public Map<String, Set<String>> negatorsByLanguage() {
    return negatorsByLanguage;
  }

  /**
   * Per language, phrases whose first word answers a question instead of negating what follows ("нет я" in "нет я
   * хочу умереть" written without a comma), as written in the file.
   */
  public Map<String, List<String>> answersByLanguage() {
    return answersByLanguage;
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<Marker> markers() {
    return markers;
  }

  public List<Combination> combinations() {
    return combinations;
  }

  /** Collects categories, negators and entries from one or more documents, checking each entry as it comes. */
  private static final class Builder {
    private final Settings settings;
    private final Set<String> categories = new LinkedHashSet<>();
    private final Map<String, Map<String, List<String>>> conceptsByLanguage = new LinkedHashMap<>();
    private final Map<String, Set<String>> negatorsByLanguage = new LinkedHashMap<>();
    private final Map<String, List<String>> answersByLanguage = new LinkedHashMap<>();
    private final Map<String, Entry> entriesById = new LinkedHashMap<>();
    private final List<Marker> markers = new ArrayList<>();
    private final Map<String, Combination> combinationsById = new LinkedHashMap<>();
    /** Where each combination was written, to name it when a sign turns out to be unknown. */
    private final Map<String, String> combinationPlaces = new LinkedHashMap<>();

    Builder(Settings settings) {
      this.settings = settings;
    }

    void add(Map<String, Object> document, String where) {
      for (String category : strings(document.getOrDefault("categories", List.of()), where + ": categories")) {
        categories.add(category);
      }
      Map<String, Object> languages = map(document.getOrDefault("languages", Map.of()), where + ": languages");
      languages.forEach((language, section) -> addLanguage(language, map(section, where + ": " + language), where));
      for (Object rawCombination : list(document.getOrDefault("combinations", List.of()), where + ": combinations")) {
        Combination combination = readCombination(map(rawCombination, where + ": combination"), where);
        if (entriesById.containsKey(combination.id())
            || combinationsById.putIfAbsent(combination.id(), combination) != null) {
          throw invalid(where + ": combination id '" + combination.id() + "' is used twice");
        }
        combinationPlaces.put(combination.id(), where + ": combination '" + combination.id() + "'");
      }
    }

    private void addLanguage(String language, Map<String, Object> section, String where) {
      String place = where + ": language " + language;
      requireOnlyKeys(section, place, "negators", "answers", "concepts", "markers", "entries");
      String code = language.toLowerCase(Locale.ROOT);
      addConcepts(code, map(section.getOrDefault("concepts", Map.of()), place + ": concepts"), place);
      negatorsByLanguage
          .computeIfAbsent(code, any -> new LinkedHashSet<>())
          .addAll(strings(section.getOrDefault("negators", List.of()), place + ": negators"));
      answersByLanguage
          .computeIfAbsent(code, any -> new ArrayList<>())
          .addAll(strings(section.getOrDefault("answers", List.of()), place + ": answers"));
      Map<String, Object> rawMarkers = map(section.getOrDefault("markers", Map.of()), place + ": markers");
      rawMarkers.forEach(
          (name, patterns) -> {
            String markerPlace = place + ": marker '" + name + "'";
            if (categories.contains(name)) {
              throw invalid(markerPlace + ": a marker may not share its name with a category");
            }
            List<String> markerPatterns = expand(strings(patterns, markerPlace), code, markerPlace);
            if (markerPatterns.isEmpty()) {
              throw invalid(markerPlace + ": needs at least one pattern");
            }
            markers.add(new Marker(name, code, markerPatterns));
          });
      for (Object rawEntry : list(section.getOrDefault("entries", List.of()), place + ": entries")) {
        Entry entry = readEntry(map(rawEntry, place + ": entry"), code, place);
        if (combinationsById.containsKey(entry.id()) || entriesById.putIfAbsent(entry.id(), entry) != null) {
          throw invalid(place + ": entry id '" + entry.id() + "' is used twice");
        }
      }
    }

    private Combination readCombination(Map<String, Object> raw, String place) {
      requireOnlyKeys(raw, place + ": combination", "id", "level", "category", "signs", "atLeast");
      String id = text(raw.get("id"), place + ": combination without id");
      String where = place + ": combination '" + id + "'";
      RiskLevel level = level(raw.get("level"), where + ": level");
      if (level == RiskLevel.NONE) {
        throw invalid(where + ": level must be LOW, MEDIUM or HIGH");
      }
      String category = raw.containsKey("category") ? text(raw.get("category"), where + ": category") : null;
      List<Set<String>> signs = new ArrayList<>();
      Set<String> named = new LinkedHashSet<>();
      for (String sign : strings(raw.get("signs"), where + ": signs")) {
        Set<String> alternatives = new LinkedHashSet<>(List.of(sign.split("\\|")));
        for (String alternative : alternatives) {
          if (!named.add(alternative)) {
            throw invalid(where + ": '" + alternative + "' appears in two signs; each sign must be a different one");
          }
        }
        signs.add(Set.copyOf(alternatives));
      }
      if (signs.size() < 2) {
        throw invalid(where + ": a combination needs at least two signs");
      }
      int atLeast = raw.containsKey("atLeast") ? count(raw.get("atLeast"), where + ": atLeast") : signs.size();
      if (atLeast < 2 || atLeast > signs.size()) {
        throw invalid(where + ": atLeast must be between 2 and the number of signs (" + signs.size() + ")");
      }
      return new Combination(id, level, category, List.copyOf(signs), atLeast);
    }

    private Entry readEntry(Map<String, Object> raw, String language, String place) {
      requireOnlyKeys(
          raw,
          place + ": entry",
          "id",
          "level",
          "category",
          "patterns",
          "except",
          "exceptInSentence",
          "maxGapWords",
          "anyOrder",
          "fallback");
      String id = text(raw.get("id"), place + ": entry without id");
      String where = place + ": entry '" + id + "'";
      RiskLevel level = level(raw.get("level"), where + ": level");
      if (level == RiskLevel.NONE) {
        throw invalid(where + ": level must be LOW, MEDIUM or HIGH");
      }
      String category = text(raw.get("category"), where + ": category");
      if (!categories.contains(category)) {
        throw invalid(where + ": category '" + category + "' is not declared under categories " + categories);
      }
      List<String> patterns = expand(strings(raw.get("patterns"), where + ": patterns"), language, where);
      if (patterns.isEmpty()) {
        throw invalid(where + ": needs at least one pattern");
      }
      List<String> exceptions =
          expand(strings(raw.getOrDefault("except", List.of()), where + ": except"), language, where);
      List<String> sentenceExceptions =
          expand(
              strings(raw.getOrDefault("exceptInSentence", List.of()), where + ": exceptInSentence"), language, where);
      int maxGapWords =
          raw.containsKey("maxGapWords")
              ? count(raw.get("maxGapWords"), where + ": maxGapWords")
              : settings.maxGapWords();
      boolean anyOrder = raw.containsKey("anyOrder") && flag(raw.get("anyOrder"), where + ": anyOrder");
      boolean fallback = raw.containsKey("fallback") && flag(raw.get("fallback"), where + ": fallback");
      return new Entry(
          id, language, level, category, patterns, exceptions, sentenceExceptions, maxGapWords, anyOrder, fallback);
    }

    /**
     * Adds a language's concepts. Each item is one word or stem, or {@code <another>} concept of the language; a
     * concept is defined once (an addition may add new ones and use the main file's).
     */
    private void addConcepts(String language, Map<String, Object> raw, String place) {
      Map<String, List<String>> concepts = conceptsByLanguage.computeIfAbsent(language, any -> new LinkedHashMap<>());
      raw.forEach(
          (name, items) -> {
            String where = place + ": concept '" + name + "'";
            if (!CONCEPT_REFERENCE.matcher("<" + name + ">").matches()) {
              throw invalid(where + ": a concept name uses lower-case letters, digits and '-' only");
            }
            List<String> words = strings(items, where);
            if (words.isEmpty()) {
              throw invalid(where + ": needs at least one word");
            }
            for (String word : words) {
              if (word.contains("|") || word.split("\\s+").length != 1) {
                throw invalid(where + ": '" + word + "' must be one word or stem (one item per word)");
              }
            }
            if (concepts.putIfAbsent(name, List.copyOf(words)) != null) {
              throw invalid(where + ": defined twice");
            }
          });
    }

    /** Writes out every {@code <concept>} in the phrases with the words of the language's concept. */
    private List<String> expand(List<String> phrases, String language, String where) {
      List<String> expanded = new ArrayList<>(phrases.size());
      for (String phrase : phrases) {
        List<String> positions = new ArrayList<>();
        for (String position : phrase.trim().split("\\s+")) {
          Set<String> alternatives = new LinkedHashSet<>();
          for (String alternative : position.split("\\|")) {
            addAlternative(alternative, language, where + ", pattern '" + phrase + "'", new ArrayList<>(), alternatives);
          }
          positions.add(String.join("|", alternatives));
        }
        expanded.add(String.join(" ", positions));
      }
      return List.copyOf(expanded);
    }

    private void addAlternative(
        String alternative, String language, String where, List<String> seen, Set<String> alternatives) {
      Matcher reference = CONCEPT_REFERENCE.matcher(alternative);
      if (!reference.matches()) {
        if (alternative.contains("<") || alternative.contains(">")) {
          throw invalid(where + ": '" + alternative + "' is not a concept reference such as <pills>");
        }
        alternatives.add(alternative);
        return;
      }
      String name = reference.group(1);
      List<String> words = conceptsByLanguage.getOrDefault(language, Map.of()).get(name);
      if (words == null) {
        throw invalid(where + ": concept <" + name + "> is not defined under " + language + " concepts");
      }
      if (seen.contains(name)) {
        throw invalid(where + ": concept <" + name + "> refers to itself through " + seen);
      }
      seen.add(name);
      for (String word : words) {
        addAlternative(word, language, where, seen, alternatives);
      }
      seen.remove(seen.size() - 1);
    }

    /** Checks what only the whole lexicon can tell: that every sign of a combination names something that exists. */
    RiskLexicon build() {
      Set<String> markerNames = new LinkedHashSet<>();
      markers.forEach(marker -> markerNames.add(marker.name()));
      combinationsById.forEach(
          (id, combination) -> {
            String where = combinationPlaces.get(id);
            if (combination.category() != null && !categories.contains(combination.category())) {
              throw invalid(where + ": category '" + combination.category() + "' is not declared under categories");
            }
            boolean anyCategory = false;
            for (Set<String> sign : combination.signs()) {
              for (String name : sign) {
                if (!categories.contains(name) && !markerNames.contains(name)) {
                  throw invalid(
                      "%s: sign '%s' is neither a category %s nor a marker %s"
                          .formatted(where, name, categories, markerNames));
                }
                anyCategory |= categories.contains(name);
              }
            }
            if (!anyCategory) {
              throw invalid(where + ": needs a category among its signs: markers alone never raise a signal");
            }
          });
      return new RiskLexicon(this);
    }
  }

  private static Settings readSettings(Map<String, Object> raw) {
    requireOnlyKeys(
        raw, "settings", "maxGapWords", "negationWindowWords", "negatedSignalLevel", "typoTolerantMinLength");
    RiskLevel negatedSignalLevel = level(raw.get("negatedSignalLevel"), "settings: negatedSignalLevel");
    if (negatedSignalLevel == RiskLevel.NONE) {
      throw invalid("settings: negatedSignalLevel must not be NONE: a negated risk phrase is still a signal to review");
    }
    return new Settings(
        count(raw.get("maxGapWords"), "settings: maxGapWords"),
        count(raw.get("negationWindowWords"), "settings: negationWindowWords"),
        negatedSignalLevel,
        count(raw.get("typoTolerantMinLength"), "settings: typoTolerantMinLength"));
  }

  private static Map<String, Object> readDocument(InputStream input, String where) {
    // SafeConstructor builds plain maps and lists only: the file is data, never instructions to create objects.
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(input);
    return map(document, where);
  }

  private static void requireOnlyKeys(Map<String, Object> map, String where, String... allowed) {
    Set<String> unknown = new LinkedHashSet<>(map.keySet());
    List.of(allowed).forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw invalid(where + ": unknown keys " + unknown + " (allowed: " + List.of(allowed) + ")");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(where + ": expected a mapping");
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw invalid(where + ": key " + key + " must be text");
      }
    }
    return (Map<String, Object>) map;
  }

  private static List<?> list(Object value, String where) {
    if (!(value instanceof List<?> list)) {
      throw invalid(where + ": expected a list");
    }
    return list;
  }

  private static List<String> strings(Object value, String where) {
    return list(value, where).stream().map(item -> text(item, where)).toList();
  }

  private static String text(Object value, String where) {
    // YAML reads bare no, yes, on, off as booleans and digits as numbers: such words must be quoted ("no").
    if (!(value instanceof String string) || string.isBlank()) {
      throw invalid(where + ": expected non-empty text, got " + value + " (quote words such as \"no\")");
    }
    return string.trim();
  }

  private static boolean flag(Object value, String where) {
    if (!(value instanceof Boolean yesOrNo)) {
      throw invalid(where + ": expected true or false");
    }
    return yesOrNo;
  }

  private static int count(Object value, String where) {
    if (!(value instanceof Integer number) || number < 0) {
      throw invalid(where + ": expected a whole number >= 0");
    }
    return number;
  }

  private static RiskLevel level(Object value, String where) {
    String name = text(value, where);
    try {
      return RiskLevel.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(where + ": '" + name + "' is not one of NONE, LOW, MEDIUM, HIGH");
    }
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException("Risk lexicon: " + message);
  }
}
