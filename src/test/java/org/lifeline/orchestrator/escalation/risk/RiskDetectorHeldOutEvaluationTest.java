package org.lifeline.orchestrator.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * Measures the detector on the held-out tables: phrases written by someone else before a tuning round, never read
 * while tuning. It prints aggregate figures only (precision, recall, per language and per category, false positives,
 * and how many of the rows that need HIGH are detected at HIGH), never a row or a message, so that nobody tunes on a
 * table by reading this output.
 *
 * <p>{@code held-out.csv} was written before round one and evaluated once (docs/escalation.md, "Figures"); it has
 * since been copied into the tuning table, so its figures here no longer measure anything held out and are only
 * reported. {@code held-out-2.csv} was written before round two and first evaluated after it; the figures of that
 * first run are asserted as a regression floor, not as the target of issue #16, which they do not all reach.
 */
class RiskDetectorHeldOutEvaluationTest {

  private static final String ROUND_ONE = "risk/held-out.csv";
  private static final String ROUND_TWO = "risk/held-out-2.csv";
  private static final String HEADER = "language|expected|category|minlevel|message";
  private static final Set<String> LANGUAGES = Set.of("en", "ru", "uk");
  private static final Set<String> EXPECTED = Set.of("RISK", "NEGATED", "NONE");
  private static final RiskLexicon LEXICON = RiskLexicon.loadDefault();
  private static final RiskDetector DETECTOR = new RiskDetector(LEXICON);

  /** One well-formed row; never printed. */
  private record Row(String language, boolean risk, String category, RiskLevel minLevel, String message) {}

  /** The aggregate figures of one table; {@code scopes} holds "language xx" and "category yy". */
  private record Figures(
      int rows,
      RiskScore all,
      RiskScore allLanguageNotGiven,
      Map<String, RiskScore> scopes,
      RiskScore.HighAgreement highAgreement) {

    RiskScore language(String language) {
      return scopes.get("language " + language);
    }
  }

  @Test
  void roundOneTableIsWellFormedAndItsFiguresAreReported() throws IOException {
    Figures figures = evaluate(ROUND_ONE, 150);

    assertThat(figures.highAgreement().rows()).as("rows that need HIGH").isPositive();
  }

  /**
   * The floor is the first run on held-out-2 (commit f5f3459, after round two): 322 rows, 211 risk / 111 no-risk;
   * precision 0.900 and recall 0.768 (TP=162 FP=18 FN=49 TN=93), recall en 0.819 (59 of 72), ru 0.754 (52 of 69),
   * uk 0.729 (51 of 70), rows that need HIGH at HIGH 26 of 49. Issue #16's target (recall >= 0.95 with precision
   * >= 0.8) is not met. Counts, not rounded ratios, so the floor is exactly what was measured; a lexicon change that
   * loses any of it fails here, and a gain may raise the floor only if the table was still never read for tuning.
   */
  @Test
  void roundTwoTableKeepsItsFirstRunFigures() throws IOException {
    Figures figures = evaluate(ROUND_TWO, 300);

    assertThat(figures.rows()).isEqualTo(322);
    assertThat(figures.all().truePositives()).as("risk rows found of 211").isGreaterThanOrEqualTo(162);
    assertThat(figures.all().falsePositives()).as("no-risk rows flagged of 111").isLessThanOrEqualTo(18);
    assertThat(figures.allLanguageNotGiven().truePositives())
        .as("risk rows found of 211, language not given")
        .isGreaterThanOrEqualTo(162);
    assertThat(figures.allLanguageNotGiven().falsePositives())
        .as("no-risk rows flagged of 111, language not given")
        .isLessThanOrEqualTo(18);
    assertThat(figures.language("en").truePositives()).as("en risk rows found of 72").isGreaterThanOrEqualTo(59);
    assertThat(figures.language("ru").truePositives()).as("ru risk rows found of 69").isGreaterThanOrEqualTo(52);
    assertThat(figures.language("uk").truePositives()).as("uk risk rows found of 70").isGreaterThanOrEqualTo(51);
    assertThat(figures.highAgreement().atHigh()).as("rows that need HIGH at HIGH of 49").isGreaterThanOrEqualTo(26);
  }

  /** Reads a table, checks it is well-formed, prints its aggregate figures and returns them. */
  private static Figures evaluate(String table, int minimumRows) throws IOException {
    List<String> problems = new ArrayList<>();
    List<Row> rows = read(table, problems);

    Map<String, RiskScore> scores = new TreeMap<>();
    RiskScore all = new RiskScore();
    RiskScore allLanguageNotGiven = new RiskScore();
    RiskScore.HighAgreement highAgreement = new RiskScore.HighAgreement();
    Map<String, Integer> labels = new TreeMap<>();
    for (Row row : rows) {
      RiskAssessment assessment = DETECTOR.assess(row.message(), row.language());
      boolean flagged = assessment.hasSignals();
      all.add(row.risk(), flagged);
      allLanguageNotGiven.add(row.risk(), DETECTOR.assess(row.message(), null).hasSignals());
      scores.computeIfAbsent("language " + row.language(), any -> new RiskScore()).add(row.risk(), flagged);
      String category = LEXICON.categories().contains(row.category()) ? row.category() : "(not a known category)";
      scores.computeIfAbsent("category " + category, any -> new RiskScore()).add(row.risk(), flagged);
      if (row.risk() && row.minLevel() == RiskLevel.HIGH) {
        highAgreement.add(assessment.level());
      }
      labels.merge((row.risk() ? "risk rows" : "no-risk rows") + " at minLevel " + row.minLevel(), 1, Integer::sum);
    }

    String prefix = "risk detector, " + table + " ";
    System.out.println(prefix + rows.size() + " rows " + labels);
    System.out.println(prefix + all.describe("all"));
    System.out.println(prefix + allLanguageNotGiven.describe("all, language not given"));
    scores.forEach((scope, score) -> System.out.println(prefix + score.describe(scope)));
    System.out.println(prefix + highAgreement.describe());

    assertThat(problems).as("malformed rows of %s (line numbers and fields only)", table).isEmpty();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(minimumRows);
    assertThat(all.rows()).isEqualTo(rows.size());
    assertThat(allLanguageNotGiven.rows()).isEqualTo(rows.size());
    for (String language : LANGUAGES) {
      assertThat(scores).as("figures for %s", language).containsKey("language " + language);
    }
    return new Figures(rows.size(), all, allLanguageNotGiven, scores, highAgreement);
  }

  /** The well-formed rows; each malformed line is reported by its number and field, never its content. */
  private static List<Row> read(String table, List<String> problems) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = RiskDetectorHeldOutEvaluationTest.class.getClassLoader().getResourceAsStream(table)) {
      assertThat(in).as(table).isNotNull();
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (int number = 1; number <= lines.size(); number++) {
        String line = lines.get(number - 1).strip();
        if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).equals(HEADER)) {
          continue;
        }
        String[] cells = line.split("\\|", 5);
        if (cells.length != 5) {
          problems.add("line " + number + ": expected 5 fields, got " + cells.length);
          continue;
        }
        String language = cells[0].strip().toLowerCase(Locale.ROOT);
        String expected = cells[1].strip().toUpperCase(Locale.ROOT);
        String category = cells[2].strip();
        RiskLevel minLevel = level(cells[3].strip());
        String message = cells[4].strip();
        check(LEXICON.categories().contains(category), problems, number, "category");
        check(minLevel != null, problems, number, "minLevel");
        boolean scorable = check(LANGUAGES.contains(language), problems, number, "language");
        scorable &= check(EXPECTED.contains(expected), problems, number, "expected");
        scorable &= check(!message.isEmpty(), problems, number, "message");
        if (scorable) {
          // A row with an odd category or level still counts overall and for its language: leaving it out would
          // change the figures, which must describe the whole table.
          boolean risk = !expected.equals("NONE");
          RiskLevel level = minLevel == null ? RiskLevel.NONE : minLevel;
          check(risk == (level != RiskLevel.NONE), problems, number, "minLevel against expected");
          rows.add(new Row(language, risk, category, level, message));
        }
      }
    }
    return rows;
  }

  private static RiskLevel level(String name) {
    try {
      return RiskLevel.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean check(boolean wellFormed, List<String> problems, int number, String field) {
    if (!wellFormed) {
      problems.add("line " + number + ": " + field);
    }
    return wellFormed;
  }
}
