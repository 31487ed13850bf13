package org.lifeline.orchestrator.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;

class RiskLexiconTest {

  private static final RiskLexicon LEXICON = RiskLexicon.loadDefault();

  @Test
  void shippedLexiconCoversRussianUkrainianAndEnglish() {
    assertThat(LEXICON.languages()).containsExactlyInAnyOrder("ru", "uk", "en");
    assertThat(LEXICON.entries()).extracting(RiskLexicon.Entry::language).contains("ru", "uk", "en");
    LEXICON.languages().forEach(language -> assertThat(LEXICON.negatorsByLanguage().get(language)).isNotEmpty());
    assertThat(LEXICON.settings().negatedSignalLevel()).isNotEqualTo(RiskLevel.NONE);
  }

  @Test
  void everyEntryHasAValidLevelCategoryAndPatterns() {
    assertThat(LEXICON.entries()).isNotEmpty();
    for (RiskLexicon.Entry entry : LEXICON.entries()) {
      assertThat(entry.level()).as(entry.id()).isIn(RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH);
      assertThat(entry.category()).as(entry.id()).isIn(LEXICON.categories());
      assertThat(entry.patterns()).as(entry.id()).isNotEmpty().allMatch(pattern -> !pattern.isBlank());
      assertThat(entry.id()).as("ids name their language").startsWith(entry.language() + "-");
    }
    assertThat(LEXICON.entries().stream().map(RiskLexicon.Entry::id).collect(Collectors.toSet()))
        .hasSameSizeAs(LEXICON.entries());
  }

  /** Guards against patterns that can never match, e.g. because another rule normalises them away. */
  @Test
  void everyPatternWrittenOutFindsItsOwnEntry() {
    RiskDetector detector = new RiskDetector(LEXICON);
    for (RiskLexicon.Entry entry : LEXICON.entries()) {
      for (String pattern : entry.patterns()) {
        String example =
            Arrays.stream(pattern.split("\\s+"))
                .map(position -> position.split("\\|")[0].replace("*", ""))
                .collect(Collectors.joining(" "));

        assertThat(detector.assess(example, entry.language()).signals())
            .as("'%s' written as '%s'", pattern, example)
            .anyMatch(signal -> signal.id().equals(entry.id()) && !signal.negated());
      }
    }
  }

  @Test
  void rejectsAnEntryWithoutARealLevel() {
    assertThatThrownBy(() -> load(entry("level: NONE", "category: self-harm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("en-test")
        .hasMessageContaining("LOW, MEDIUM or HIGH");
    assertThatThrownBy(() -> load(entry("level: SEVERE", "category: self-harm")))
        .hasMessageContaining("'SEVERE' is not one of");
  }

  @Test
  void rejectsAnUndeclaredCategory() {
    assertThatThrownBy(() -> load(entry("level: HIGH", "category: sadness")))
        .hasMessageContaining("category 'sadness' is not declared");
  }

  @Test
  void rejectsMisspelledKeysAndUnquotedYamlBooleans() {
    assertThatThrownBy(() -> load(entry("level: HIGH", "category: self-harm").replace("patterns:", "pattern:")))
        .hasMessageContaining("unknown keys [pattern]");
    assertThatThrownBy(() -> load(entry("level: HIGH", "category: self-harm").replace("- cut* myself", "- no")))
        .hasMessageContaining("quote words");
  }

  @Test
  void rejectsANegatedLevelOfNone() {
    String yaml = entry("level: HIGH", "category: self-harm");

    assertThatThrownBy(() -> load(yaml.replace("negatedSignalLevel: LOW", "negatedSignalLevel: NONE")))
        .hasMessageContaining("negatedSignalLevel must not be NONE");
  }

  @Test
  void rejectsAPatternWordThatIsReallyTwoWords() {
    RiskLexicon lexicon = load(entry("level: HIGH", "category: self-harm").replace("cut* myself", "self-harm"));

    assertThatThrownBy(() -> new RiskDetector(lexicon))
        .hasMessageContaining("en-test")
        .hasMessageContaining("'self harm'");
  }

  @Test
  void rejectsADuplicateIdInAnAddition() {
    String addition =
        """
        languages:
          en:
            entries:
              - id: en-test
                level: LOW
                category: self-harm
                patterns: [cut]
        """;
    String main = entry("level: HIGH", "category: self-harm");

    assertThatThrownBy(() -> RiskLexicon.load(stream(main), stream(addition)))
        .hasMessageContaining("'en-test' is used twice");
  }

  private static String entry(String level, String category) {
    return """
        settings:
          maxGapWords: 2
          negationWindowWords: 3
          negatedSignalLevel: LOW
          typoTolerantMinLength: 6
        categories: [self-harm]
        languages:
          en:
            negators: ["no"]
            entries:
              - id: en-test
                %s
                %s
                patterns:
                  - cut* myself
        """
        .formatted(level, category);
  }

  private static RiskLexicon load(String yaml) {
    return RiskLexicon.load(stream(yaml));
  }

  private static ByteArrayInputStream stream(String yaml) {
    return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
  }
}
