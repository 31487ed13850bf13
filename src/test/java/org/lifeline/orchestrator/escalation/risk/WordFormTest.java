package org.lifeline.orchestrator.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordFormTest {

  private static final int TYPO_TOLERANT_MIN_LENGTH = 6;

  @ParameterizedTest(name = "{0}{1} vs {2}: {3}")
  @CsvSource(
      textBlock =
          """
          поконч,   *, покончить,   true
          поконч,   *, покончу,     true
          суицид,   *, суициде,     true
          суицид,   *, суецид,      true
          suicid,   *, sucide,      true
          suicid,   *, suisidal,    true
          suicid,   *, usicide,     false
          overdos,  *, overdo,      false
          самоубиств, *, самолюбие, false
          самогубств, *, самолюбство, false
          myself,    , myslef,      true
          myself,    , himself,     false
          умереть,   , умиреть,     true
          прыгну,    , прыгнул,     false
          повеситься, , повесится,  true
          kil,      *, kiling,      true
          kil,       , kils,        false
          die,       , dye,         false
          """)
  void matchesStemsWholeWordsAndOneTypoInLongWords(String letters, String star, String word, boolean expected) {
    WordForm form = new WordForm(letters, "*".equals(star));

    assertThat(form.matches(word, TYPO_TOLERANT_MIN_LENGTH)).isEqualTo(expected);
  }
}
