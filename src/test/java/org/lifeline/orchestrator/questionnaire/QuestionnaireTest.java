package org.lifeline.orchestrator.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeline.orchestrator.request.RiskLevel;

/** The questionnaire's rules, over the definition that ships to process owners. */
class QuestionnaireTest {

  private static final QuestionnaireContext AGE_KNOWN = new QuestionnaireContext(true);
  private static final QuestionnaireContext AGE_UNKNOWN = new QuestionnaireContext(false);

  private final Questionnaire questionnaire =
      new Questionnaire(new QuestionnaireDefinitionLoader().loadShipped());

  /** Every question answered, including the optional one, as a person who stated no age at intake would. */
  private static Map<String, String> allAnswered() {
    Map<String, String> answers = new HashMap<>();
    answers.put("age", "34");
    answers.put("topic", "grief");
    answers.put("topicDetails", "My father died last month.");
    answers.put("safetyThoughts", "no");
    answers.put("safetyImmediate", "no");
    answers.put("language", "uk");
    answers.put("contactTime", "evening");
    return answers;
  }

  @Nested
  class NextQuestion {

    @Test
    void asksTheAgeFirstWhenItIsUnknown() {
      assertThat(questionnaire.nextQuestion(Map.of(), AGE_UNKNOWN)).map(Question::id).contains("age");
    }

    @Test
    void doesNotAskTheAgeWhenItWasStatedAtIntake() {
      assertThat(questionnaire.nextQuestion(Map.of(), AGE_KNOWN)).map(Question::id).contains("topic");
    }

    @Test
    void continuesWithTheFirstUnansweredQuestion() {
      Map<String, String> answers = Map.of("age", "34", "topic", "grief");

      assertThat(questionnaire.nextQuestion(answers, AGE_UNKNOWN)).map(Question::id).contains("topicDetails");
    }

    @Test
    void movesPastASkippedOptionalQuestion() {
      Map<String, String> answers = Map.of("topic", "grief", "topicDetails", Questionnaire.SKIPPED);

      assertThat(questionnaire.nextQuestion(answers, AGE_KNOWN)).map(Question::id).contains("safetyThoughts");
    }

    @Test
    void asksAgainARequiredQuestionWhoseStoredAnswerIsBlank() {
      Map<String, String> answers = Map.of("topic", Questionnaire.SKIPPED);

      assertThat(questionnaire.nextQuestion(answers, AGE_KNOWN)).map(Question::id).contains("topic");
    }

    @Test
    void asksAnEarlierQuestionThatWasLeftOutBeforeLaterOnes() {
      Map<String, String> answers = Map.of("topic", "grief", "topicDetails", "", "safetyImmediate", "no");

      assertThat(questionnaire.nextQuestion(answers, AGE_KNOWN)).map(Question::id).contains("safetyThoughts");
    }

    @Test
    void hasNothingLeftToAskOnceEverythingIsAnswered() {
      assertThat(questionnaire.nextQuestion(allAnswered(), AGE_UNKNOWN)).isEmpty();
    }
  }

  @Nested
  class Check {

    @Test
    void acceptsANumberInRangeAndNormalisesIt() {
      assertThat(questionnaire.check("age", " 034 ")).isEqualTo(new AnswerCheck.Accepted("34"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "121", "-5", "99999999999999999999", "sixteen", "16.5", "16 years"})
    void rejectsANumberThatIsNotAWholeNumberInRange(String answer) {
      assertThat(questionnaire.check("age", answer))
          .isEqualTo(new AnswerCheck.Rejected("Enter a whole number from 1 to 120."));
    }

    @Test
    void acceptsTheRangeLimits() {
      assertThat(questionnaire.check("age", "1")).isEqualTo(new AnswerCheck.Accepted("1"));
      assertThat(questionnaire.check("age", "120")).isEqualTo(new AnswerCheck.Accepted("120"));
    }

    @ParameterizedTest
    @CsvSource({
      "grief, grief",
      "'  GRIEF ', grief",
      "'Grief, losing someone close', grief",
      "'горе,   потеря близкого человека', grief",
      "'Горе, втрата близької людини', grief",
      "'стосунки або сім''я', relationships",
      "'Стосунки або сім’я', relationships",
    })
    void acceptsAChoiceByValueOrByItsLabelInAnyLanguage(String answer, String expectedValue) {
      assertThat(questionnaire.check("topic", answer)).isEqualTo(new AnswerCheck.Accepted(expectedValue));
    }

    @Test
    void acceptsAYesOrNoInThePersonsLanguage() {
      assertThat(questionnaire.check("safetyImmediate", "Да")).isEqualTo(new AnswerCheck.Accepted("yes"));
      assertThat(questionnaire.check("safetyImmediate", "так")).isEqualTo(new AnswerCheck.Accepted("yes"));
      assertThat(questionnaire.check("safetyImmediate", "NO")).isEqualTo(new AnswerCheck.Accepted("no"));
    }

    @Test
    void matchesLabelsWrittenWithEInsteadOfYoOrWithAnotherApostrophe() {
      assertThat(Questionnaire.matchKey(" Ещё  РАЗ ")).isEqualTo(Questionnaire.matchKey("еще раз"));
      assertThat(Questionnaire.matchKey("сімʼя")).isEqualTo(Questionnaire.matchKey("сім'я"));
    }

    @Test
    void rejectsAnUnknownChoiceNamingTheOptions() {
      assertThat(questionnaire.check("topic", "insomnia"))
          .isEqualTo(new AnswerCheck.Rejected(
              "Choose one of: anxiety, grief, trauma, relationships, displacement, other."));
    }

    @Test
    void acceptsTextTrimmedAndWithoutControlCharacters() {
      assertThat(questionnaire.check("topicDetails", "  I cannot sleep.\u0000\nI keep reliving it.  "))
          .isEqualTo(new AnswerCheck.Accepted("I cannot sleep.\nI keep reliving it."));
    }

    @Test
    void acceptsTextOfExactlyTheMaximumLengthCountingEmojiAsOneCharacter() {
      String answer = "😢".repeat(2000);

      assertThat(questionnaire.check("topicDetails", answer)).isEqualTo(new AnswerCheck.Accepted(answer));
    }

    @Test
    void rejectsTextThatIsTooLong() {
      assertThat(questionnaire.check("topicDetails", "a".repeat(2001)))
          .isEqualTo(new AnswerCheck.Rejected("Please keep the answer to at most 2000 characters; this one has 2001."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void acceptsABlankAnswerToAnOptionalQuestionAsSkipped(String answer) {
      AnswerCheck check = questionnaire.check("topicDetails", answer);

      assertThat(check).isEqualTo(new AnswerCheck.Accepted(Questionnaire.SKIPPED));
      assertThat(((AnswerCheck.Accepted) check).skipped()).isTrue();
    }

    @Test
    void acceptsAMissingAnswerToAnOptionalQuestionAsSkipped() {
      assertThat(questionnaire.check("topicDetails", null)).isEqualTo(new AnswerCheck.Accepted(Questionnaire.SKIPPED));
    }

    @Test
    void rejectsABlankAnswerToARequiredQuestionSayingWhatIsExpected() {
      assertThat(questionnaire.check("language", "  "))
          .isEqualTo(new AnswerCheck.Rejected("This question needs an answer. Choose one of: ru, uk, en."));
      assertThat(questionnaire.check("age", null))
          .isEqualTo(new AnswerCheck.Rejected("This question needs an answer. Enter a whole number from 1 to 120."));
    }

    @Test
    void reportsAnUnknownQuestionSeparately() {
      assertThat(questionnaire.check("favouriteColour", "blue"))
          .isEqualTo(new AnswerCheck.UnknownQuestion("favouriteColour"));
    }
  }

  @Nested
  class Completion {

    @Test
    void isCompleteWhenEveryApplicableRequiredQuestionIsAnswered() {
      Map<String, String> answers = allAnswered();
      answers.remove("age");
      answers.put("topicDetails", Questionnaire.SKIPPED);

      assertThat(questionnaire.isComplete(answers, AGE_KNOWN)).isTrue();
    }

    @Test
    void isCompleteWithoutTheOptionalQuestionEverBeingShown() {
      Map<String, String> answers = allAnswered();
      answers.remove("topicDetails");

      assertThat(questionnaire.isComplete(answers, AGE_UNKNOWN)).isTrue();
    }

    @Test
    void isNotCompleteWithoutTheAgeWhenItIsUnknown() {
      Map<String, String> answers = allAnswered();
      answers.remove("age");

      assertThat(questionnaire.isComplete(answers, AGE_UNKNOWN)).isFalse();
    }

    @Test
    void isNotCompleteWhileASafetyQuestionIsUnanswered() {
      Map<String, String> answers = allAnswered();
      answers.remove("safetyImmediate");

      assertThat(questionnaire.isComplete(answers, AGE_KNOWN)).isFalse();
    }
  }

  @Nested
  class ProgressCounts {

    @Test
    void countsOnlyApplicableQuestions() {
      assertThat(questionnaire.progress(Map.of(), AGE_KNOWN)).isEqualTo(new Progress(0, 6, 5));
      assertThat(questionnaire.progress(Map.of(), AGE_UNKNOWN)).isEqualTo(new Progress(0, 7, 6));
    }

    @Test
    void countsASkippedOptionalQuestionAsAnswered() {
      Map<String, String> answers = Map.of("age", "40", "topic", "anxiety", "topicDetails", Questionnaire.SKIPPED);

      Progress progress = questionnaire.progress(answers, AGE_UNKNOWN);

      assertThat(progress).isEqualTo(new Progress(3, 7, 4));
      assertThat(progress.complete()).isFalse();
    }

    @Test
    void ignoresAnAgeAnswerWhenTheAgeIsKnownFromIntake() {
      assertThat(questionnaire.progress(Map.of("age", "40"), AGE_KNOWN)).isEqualTo(new Progress(0, 6, 5));
    }

    @Test
    void isCompleteWhenNothingRequiredRemains() {
      Progress progress = questionnaire.progress(allAnswered(), AGE_UNKNOWN);

      assertThat(progress).isEqualTo(new Progress(7, 7, 0));
      assertThat(progress.complete()).isTrue();
    }
  }

  @Nested
  class Risk {

    @Test
    void isNoneWithoutAnswers() {
      assertThat(questionnaire.riskOf(Map.of())).isEqualTo(RiskLevel.NONE);
    }

    @Test
    void isNoneWhenTheSafetyAnswersAreNo() {
      assertThat(questionnaire.riskOf(allAnswered())).isEqualTo(RiskLevel.NONE);
    }

    @ParameterizedTest
    @CsvSource({"no, NONE", "rather-not-say, LOW", "sometimes, MEDIUM", "often, HIGH"})
    void followsThoughtsOfDeathOrSelfHarm(String answer, RiskLevel expected) {
      assertThat(questionnaire.riskOf(Map.of("safetyThoughts", answer))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"no, NONE", "unsure, HIGH", "yes, HIGH"})
    void isHighForAnImmediateRisk(String answer, RiskLevel expected) {
      assertThat(questionnaire.riskOf(Map.of("safetyImmediate", answer))).isEqualTo(expected);
    }

    @Test
    void isTheHighestOfSeveralAnswers() {
      assertThat(questionnaire.riskOf(Map.of("safetyThoughts", "sometimes", "safetyImmediate", "yes")))
          .isEqualTo(RiskLevel.HIGH);
      assertThat(questionnaire.riskOf(Map.of("safetyThoughts", "sometimes", "safetyImmediate", "no")))
          .isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void comesFromTheStoredValueOfAnAnswerGivenByLabel() {
      AnswerCheck check = questionnaire.check("safetyThoughts", "Іноді");

      String stored = ((AnswerCheck.Accepted) check).value();

      assertThat(questionnaire.riskOf(Map.of("safetyThoughts", stored))).isEqualTo(RiskLevel.MEDIUM);
    }
  }

  @Nested
  class StatedAge {

    @Test
    void isTheAnsweredAge() {
      assertThat(questionnaire.statedAge(Map.of("age", "16"))).contains(16);
    }

    @Test
    void isEmptyWhenTheAgeWasNotAsked() {
      assertThat(questionnaire.statedAge(Map.of("topic", "grief"))).isEmpty();
    }

    @Test
    void isEmptyWhenTheStoredValueIsNotANumber() {
      assertThat(questionnaire.statedAge(Map.of("age", "sixteen"))).isEmpty();
    }
  }
}
