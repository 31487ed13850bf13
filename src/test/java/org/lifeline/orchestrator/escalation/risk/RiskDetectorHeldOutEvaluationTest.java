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
 * Measures the detector on src/test/resources/risk/held-out.csv: phrases written by someone else before the lexicon
 * was tuned, never read while tuning. It prints aggregate figures only (precision, recall, per language and per
 * category, and how many of the rows that need HIGH are detected at HIGH), never a row or a message, so that nobody
 * tunes on the table by reading this output. It asserts that the file is well-formed and the figures are computed,
 * not that they reach a target: the figure has to be reported as it is.
 */
class RiskDetectorHeldOutEvaluationTest {

  private static final String TABLE = "risk/held-out.csv";
  private static final String HEADER = "language|expected|category|minlevel|message";
  private static final Set<String> LANGUAGES = Set.of("en", "ru", "uk");
  private static final Set<String> EXPECTED = Set.of("RISK", "NEGATED", "NONE");
  private static final RiskLexicon LEXICON = RiskLexicon.loadDefault();
  private static final RiskDetector DETECTOR = new RiskDetector(LEXICON);

  /** One well-formed row; never printed. */
  private record Row(String language, boolean risk, String category, RiskLevel minLevel, String message) {}

  @Test
  void heldOutTableIsWellFormedAndItsFiguresAreReported() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Row> rows = read(problems);

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

    System.out.println("risk detector, held-out table: " + rows.size() + " rows " + labels);
    System.out.println("risk detector, held-out table " + all.describe("all"));
    System.out.println("risk detector, held-out table " + allLanguageNotGiven.describe("all, language not given"));
    scores.forEach((scope, score) -> System.out.println("risk detector, held-out table " + score.describe(scope)));
    System.out.println("risk detector, held-out table " + highAgreement.describe());

    assertThat(problems).as("malformed rows of %s (line numbers and fields only)", TABLE).isEmpty();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
    assertThat(all.rows()).isEqualTo(rows.size());
    assertThat(allLanguageNotGiven.rows()).isEqualTo(rows.size());
    for (String language : LANGUAGES) {
      assertThat(scores).as("figures for %s", language).containsKey("language " + language);
    }
    assertThat(highAgreement.rows()).as("rows that need HIGH").isPositive();
  }

  /** The well-formed rows; each malformed line is reported by its number and field, never its content. */
  private static List<Row> read(List<String> problems) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream table = RiskDetectorHeldOutEvaluationTest.class.getClassLoader().getResourceAsStream(TABLE)) {
      assertThat(table).as(TABLE).isNotNull();
      List<String> lines = new String(table.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
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
