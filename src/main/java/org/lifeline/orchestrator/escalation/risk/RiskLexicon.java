package org.lifeline.orchestrator.escalation.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
   * @param level LOW, MEDIUM or HIGH
   * @param category one of the lexicon's declared categories
   * @param patterns phrases that raise the signal
   * @param exceptions phrases that cancel a match they overlap (idioms such as "suicide squad")
   * @param maxGapWords the entry's own gap limit, or the lexicon's setting when the entry does not set one
   */
  public record Entry(
      String id,
      String language,
      RiskLevel level,
      String category,
      List<String> patterns,
      List<String> exceptions,
      int maxGapWords) {}

  private final Settings settings;
  private final Set<String> categories;
  private final Map<String, Set<String>> negatorsByLanguage;
  private final List<Entry> entries;

  private RiskLexicon(
      Settings settings, Set<String> categories, Map<String, Set<String>> negatorsByLanguage, List<Entry> entries) {
    this.settings = settings;
    this.categories = Set.copyOf(categories);
    this.negatorsByLanguage = Map.copyOf(negatorsByLanguage);
    this.entries = List.copyOf(entries);
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
    requireOnlyKeys(main, "main lexicon", "settings", "categories", "languages");
    Builder builder = new Builder(readSettings(map(main.get("settings"), "settings")));
    builder.add(main, "main lexicon");
    for (int i = 0; i < additions.length; i++) {
      String where = "lexicon addition " + (i + 1);
      Map<String, Object> addition = readDocument(additions[i], where);
      requireOnlyKeys(addition, where, "categories", "languages");
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

  /** Words that negate a phrase they precede ("not", "не"), per language, as written in the file. */
  public Map<String, Set<String>> negatorsByLanguage() {
    return negatorsByLanguage;
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Collects categories, negators and entries from one or more documents, checking each entry as it comes. */
  private static final class Builder {
    private final Settings settings;
    private final Set<String> categories = new LinkedHashSet<>();
    private final Map<String, Set<String>> negatorsByLanguage = new LinkedHashMap<>();
    private final Map<String, Entry> entriesById = new LinkedHashMap<>();

    Builder(Settings settings) {
      this.settings = settings;
    }

    void add(Map<String, Object> document, String where) {
      for (String category : strings(document.getOrDefault("categories", List.of()), where + ": categories")) {
        categories.add(category);
      }
      Map<String, Object> languages = map(document.getOrDefault("languages", Map.of()), where + ": languages");
      languages.forEach((language, section) -> addLanguage(language, map(section, where + ": " + language), where));
    }

    private void addLanguage(String language, Map<String, Object> section, String where) {
      String place = where + ": language " + language;
      requireOnlyKeys(section, place, "negators", "entries");
      negatorsByLanguage
          .computeIfAbsent(language.toLowerCase(Locale.ROOT), any -> new LinkedHashSet<>())
          .addAll(strings(section.getOrDefault("negators", List.of()), place + ": negators"));
      for (Object rawEntry : list(section.getOrDefault("entries", List.of()), place + ": entries")) {
        Entry entry = readEntry(map(rawEntry, place + ": entry"), language.toLowerCase(Locale.ROOT), place);
        if (entriesById.putIfAbsent(entry.id(), entry) != null) {
          throw invalid(place + ": entry id '" + entry.id() + "' is used twice");
        }
      }
    }

    private Entry readEntry(Map<String, Object> raw, String language, String place) {
      requireOnlyKeys(raw, place + ": entry", "id", "level", "category", "patterns", "except", "maxGapWords");
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
      List<String> patterns = strings(raw.get("patterns"), where + ": patterns");
      if (patterns.isEmpty()) {
        throw invalid(where + ": needs at least one pattern");
      }
      List<String> exceptions = strings(raw.getOrDefault("except", List.of()), where + ": except");
      int maxGapWords =
          raw.containsKey("maxGapWords")
              ? count(raw.get("maxGapWords"), where + ": maxGapWords")
              : settings.maxGapWords();
      return new Entry(id, language, level, category, patterns, exceptions, maxGapWords);
    }

    RiskLexicon build() {
      return new RiskLexicon(settings, categories, negatorsByLanguage, new ArrayList<>(entriesById.values()));
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
