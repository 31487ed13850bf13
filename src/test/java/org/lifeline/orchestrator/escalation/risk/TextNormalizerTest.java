package org.lifeline.orchestrator.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  private final TextNormalizer normalizer = new TextNormalizer();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SUICIDE       | suicide
          ｓｕｉｃｉｄｅ | suicide
          Ёлка          | елка
          café          | cafe
          dieeee        | die
          хочууу        | хочу
          don't         | dont
          б'є           | бе
          їжак          | ижак
          ґанок         | ганок
          жыть          | жит
          йод           | иод
          сyицид        | суицид
          СУИЦИД        | суицид
          suic1de       | suicide
          $uicide       | suicide
          k!ll          | kil
          y6ить         | убит
          ум3реть       | умзрет
          умереть       | умерет
          подъезд       | подезд
          это           | ето
          dіe           | die
          2024          | 2024
          """)
  void normalisesOneWord(String raw, String expected) {
    assertThat(normalizer.words(raw)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          hochu umeret   | хочу умерет
          ne hochu zhyty | не хочу жити
          sebya          | себя
          zhyttia        | житя
          proshchayte    | прощаите
          hochetsya      | хочеця
          """)
  void readsRussianAndUkrainianTypedInLatinLettersAsCyrillic(String latin, String cyrillic) {
    List<String> latinWords = normalizer.words(latin);
    List<String> cyrillicWords = normalizer.words(cyrillic);

    for (int i = 0; i < latinWords.size(); i++) {
      assertThat(normalizer.readings(latinWords.get(i))).contains(latinWords.get(i), cyrillicWords.get(i));
    }
  }

  @Test
  void ambiguousLatinLettersGiveEveryReading() {
    assertThat(normalizer.readings("hotova")).contains("хотова", "готова");
    assertThat(normalizer.readings("hochetsya")).contains("хочеця", "хочется");
  }

  @Test
  void cyrillicWordsAndWordsWithDigitsHaveOnlyThemselvesAsReading() {
    assertThat(normalizer.readings("умерет")).containsExactly("умерет");
    assertThat(normalizer.readings("2024")).containsExactly("2024");
  }

  @Test
  void aLongLatinWordHasABoundedNumberOfReadings() {
    assertThat(normalizer.readings("chhchhchhchhchhchhchhchhchhch")).hasSizeLessThanOrEqualTo(17);
  }

  @Test
  void sentencesEndAtSentencePunctuationAndClausesAtCommas() {
    List<TextNormalizer.Sentence> sentences = normalizer.sentences("No, I want to die! Really.\nOk: fine");

    assertThat(sentences).extracting(TextNormalizer.Sentence::words)
        .containsExactly(List.of("no", "i", "want", "to", "die"), List.of("realy"), List.of("ok", "fine"));
    assertThat(sentences.get(0).clauseStarts()).isEqualTo(BitSet.valueOf(new long[] {0b10}));
    assertThat(sentences.get(2).clauseStarts().get(1)).isTrue();
  }

  @Test
  void hyphensSplitWordsWithoutEndingAClause() {
    TextNormalizer.Sentence sentence = normalizer.sentences("self-harm again").get(0);

    assertThat(sentence.words()).containsExactly("self", "harm", "again");
    assertThat(sentence.clauseStarts().isEmpty()).isTrue();
  }
}
