package org.lifeline.orchestrator.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
  void shippedLexiconModelsTheWarningSignsAndTheirCombinations() {
    assertThat(LEXICON.categories())
        .containsExactlyInAnyOrder(
            "suicidal-ideation", "self-harm", "plan-or-means", "farewell", "decision-or-deadline",
            "affairs-in-order", "hopelessness", "loss-of-control", "violence", "abuse");
    for (String language : LEXICON.languages()) {
      assertThat(LEXICON.entries())
          .filteredOn(entry -> entry.language().equals(language))
          .extracting(RiskLexicon.Entry::category)
          .as(language)
          .containsAll(LEXICON.categories());
      assertThat(LEXICON.markers())
          .filteredOn(marker -> marker.language().equals(language))
          .extracting(RiskLexicon.Marker::name)
          .as(language)
          .contains("time", "intent");
    }
    assertThat(LEXICON.combinations())
        .extracting(RiskLexicon.Combination::id)
        .contains("means-with-intent-or-time", "farewell-with-intent-or-time", "decision-with-time");
  }

  /**
   * Letters collapse when normalised ("see*" becomes the stem "se", which matches "send" and "sebya"), so a stem must
   * keep at least three letters.
   */
  @Test
  void everyStemKeepsAtLeastThreeLettersOnceNormalised() {
    TextNormalizer normalizer = new TextNormalizer();
    for (RiskLexicon.Entry entry : LEXICON.entries()) {
      List<String> phrases = new ArrayList<>(entry.patterns());
      phrases.addAll(entry.exceptions());
      phrases.addAll(entry.sentenceExceptions());
      for (String phrase : phrases) {
        for (String alternative : phrase.split("[\\s|]+")) {
          if (alternative.endsWith("*")) {
            assertThat(normalizer.words(alternative.substring(0, alternative.length() - 1)).get(0))
                .as("%s: %s", entry.id(), alternative)
                .hasSizeGreaterThanOrEqualTo(3);
          }
        }
      }
    }
  }

  @Test
  void rejectsACombinationWithAnUnknownSign() {
    assertThatThrownBy(() -> load(withCombination("signs: [self-harm, tonight]")))
        .hasMessageContaining("combination 'self-harm-tonight'")
        .hasMessageContaining("sign 'tonight' is neither a category");
  }

  @Test
  void rejectsACombinationOfMarkersOnlyOrWithASignTwice() {
    assertThatThrownBy(() -> load(withCombination("signs: [time, time|self-harm]")))
        .hasMessageContaining("'time' appears in two signs");
    String markersOnly = withCombination("signs: [time, intent]");

    assertThatThrownBy(() -> load(markersOnly)).hasMessageContaining("markers alone never raise a signal");
  }

  @Test
  void rejectsACombinationThatAsksForMoreSignsThanItHas() {
    assertThatThrownBy(() -> load(withCombination("signs: [self-harm, time]\n    atLeast: 3")))
        .hasMessageContaining("atLeast must be between 2 and the number of signs (2)");
    assertThatThrownBy(() -> load(withCombination("signs: [self-harm]")))
        .hasMessageContaining("needs at least two signs");
  }

  @Test
  void rejectsAMarkerNamedLikeACategory() {
    String yaml = withCombination("signs: [self-harm, time]").replace("time: [tonight]", "self-harm: [tonight]");

    assertThatThrownBy(() -> load(yaml)).hasMessageContaining("may not share its name with a category");
  }

  @Test
  void readsMarkersAnswersSentenceExceptionsAndCombinations() {
    RiskLexicon lexicon = load(withCombination("signs: [self-harm, time]"));

    assertThat(lexicon.markers())
        .containsExactly(
            new RiskLexicon.Marker("time", "en", List.of("tonight")),
            new RiskLexicon.Marker("intent", "en", List.of("do it")));
    assertThat(lexicon.answersByLanguage()).containsEntry("en", List.of("no i"));
    assertThat(lexicon.entries().get(0).sentenceExceptions()).containsExactly("shaving");
    assertThat(lexicon.combinations())
        .containsExactly(
            new RiskLexicon.Combination(
                "self-harm-tonight", RiskLevel.HIGH, null, List.of(Set.of("self-harm"), Set.of("time")), 2));
  }

  @Test
  void writesConceptsOutInPatternsExceptionsAndMarkers() {
    String yaml =
        entry("level: LOW", "category: self-harm")
            .replace(
                "    negators: [\"no\"]",
                "    negators: [\"no\"]\n    concepts:\n      pills: [pills, meds*]\n      means: [<pills>, rope]\n"
                    + "    markers:\n      time: [tonight <pills>]")
            .replace("          - cut* myself", "          - saved <means>|stash\n        except: [<pills> cabinet]");

    RiskLexicon lexicon = load(yaml);

    assertThat(lexicon.entries().get(0).patterns()).containsExactly("saved pills|meds*|rope|stash");
    assertThat(lexicon.entries().get(0).exceptions()).containsExactly("pills|meds* cabinet");
    assertThat(lexicon.markers()).containsExactly(new RiskLexicon.Marker("time", "en", List.of("tonight pills|meds*")));
    assertThat(lexicon.conceptsByLanguage().get("en")).containsEntry("means", List.of("<pills>", "rope"));
  }

  @Test
  void rejectsAnUnknownOrCircularConceptAndAConceptItemOfTwoWords() {
    String base = entry("level: LOW", "category: self-harm");
    String concepts = "    negators: [\"no\"]\n    concepts:\n";

    assertThatThrownBy(() -> load(base.replace("cut* myself", "saved <pills>")))
        .hasMessageContaining("en-test")
        .hasMessageContaining("concept <pills> is not defined");
    assertThatThrownBy(
            () ->
                load(
                    base.replace("    negators: [\"no\"]", concepts + "      a: [<b>]\n      b: [x, <a>]")
                        .replace("cut* myself", "saved <a>")))
        .hasMessageContaining("refers to itself");
    assertThatThrownBy(() -> load(base.replace("    negators: [\"no\"]", concepts + "      pills: [sleeping pills]")))
        .hasMessageContaining("concept 'pills'")
        .hasMessageContaining("one word or stem");
    assertThatThrownBy(() -> load(base.replace("cut* myself", "saved <Pills>")))
        .hasMessageContaining("not a concept reference");
  }

  @Test
  void readsAnyOrderAndFallbackAsFlags() {
    String yaml = entry("level: LOW", "category: self-harm").replace("    patterns:", "    anyOrder: true\n        patterns:");

    assertThat(load(yaml).entries().get(0).anyOrder()).isTrue();
    assertThat(load(yaml).entries().get(0).fallback()).isFalse();
    assertThat(load(yaml.replace("anyOrder: true", "fallback: true")).entries().get(0).fallback()).isTrue();
    assertThat(load(entry("level: LOW", "category: self-harm")).entries().get(0).anyOrder()).isFalse();
    assertThatThrownBy(() -> load(yaml.replace("anyOrder: true", "anyOrder: sometimes")))
        .hasMessageContaining("anyOrder: expected true or false");
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

  private static String withCombination(String signs) {
    return entry("level: LOW", "category: self-harm")
            .replace(
                "    negators: [\"no\"]",
                "    negators: [\"no\"]\n    answers: [\"no i\"]\n"
                    + "    markers:\n      time: [tonight]\n      intent: [do it]")
            .replace("          - cut* myself", "          - cut* myself\n        exceptInSentence: [shaving]")
        + """
        combinations:
          - id: self-harm-tonight
            level: HIGH
            %s
        """
            .formatted(signs);
  }

  private static RiskLexicon load(String yaml) {
    return RiskLexicon.load(stream(yaml));
  }

  private static ByteArrayInputStream stream(String yaml) {
    return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
  }
}
