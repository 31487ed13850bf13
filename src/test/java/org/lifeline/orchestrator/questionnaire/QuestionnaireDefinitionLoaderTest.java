package org.lifeline.orchestrator.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;

class QuestionnaireDefinitionLoaderTest {

  private final QuestionnaireDefinitionLoader loader = new QuestionnaireDefinitionLoader();

  @Test
  void loadsTheShippedDefinition() {
    QuestionnaireDefinition definition = loader.loadShipped();

    assertThat(definition.id()).isEqualTo("help-questionnaire");
    assertThat(definition.version()).isEqualTo(1);
    assertThat(definition.questions())
        .extracting(Question::id)
        .containsExactly(
            "age", "topic", "topicDetails", "safetyThoughts", "safetyImmediate", "language", "contactTime");
    Question age = definition.question("age").orElseThrow();
    assertThat(age.type()).isEqualTo(QuestionType.NUMBER);
    assertThat(age.askWhen()).isEqualTo(AskWhen.AGE_UNKNOWN);
    assertThat(age.min()).isEqualTo(1);
    assertThat(age.max()).isEqualTo(120);
    assertThat(definition.question("topicDetails").orElseThrow().required()).isFalse();
    assertThat(definition.question("safetyImmediate").orElseThrow().option("yes").orElseThrow().risk())
        .isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void everyShippedTextExistsInEnglishRussianAndUkrainian() {
    QuestionnaireDefinition definition = loader.loadShipped();

    for (Question question : definition.questions()) {
      assertThat(question.prompt().byLanguage()).as(question.id()).containsOnlyKeys("en", "ru", "uk");
      for (AnswerOption option : question.options()) {
        assertThat(option.label().byLanguage()).as(question.id() + "/" + option.value())
            .containsOnlyKeys("en", "ru", "uk");
      }
    }
  }

  @Test
  void promptFallsBackToEnglishForAnotherLanguage() {
    LocalizedText prompt = loader.loadShipped().question("language").orElseThrow().prompt();

    assertThat(prompt.in("uk")).isEqualTo("Якою мовою вам зручніше говорити з фахівцем?");
    assertThat(prompt.in("de")).isEqualTo(prompt.english());
  }

  @Test
  void acceptsAMinimalDefinition() {
    QuestionnaireDefinition definition = load(definitionWith(""));

    assertThat(definition.questions()).extracting(Question::id).containsExactly("age");
    assertThat(definition.question("age").orElseThrow().askWhen()).isEqualTo(AskWhen.ALWAYS);
  }

  @Test
  void rejectsADuplicateQuestionId() {
    assertInvalid(definitionWith("""
        , { "id": "age", "type": "text", "required": false, "maxLength": 10, "prompt": { "en": "Again?" } }
        """), "question 'age': the id is already used by an earlier question; question ids must be unique");
  }

  @Test
  void rejectsAChoiceQuestionWithoutOptions() {
    assertInvalid(definitionWith("""
        , { "id": "mood", "type": "choice", "required": true, "prompt": { "en": "How are you?" } }
        """), "question 'mood': a choice question needs \"options\": a list of at least two answers");
  }

  @Test
  void rejectsAnUnknownRiskLevel() {
    assertInvalid(definitionWith("""
        , { "id": "safe", "type": "choice", "required": true, "prompt": { "en": "Are you safe?" },
            "options": [ { "value": "yes", "label": { "en": "Yes" } },
                         { "value": "no", "risk": "SEVERE", "label": { "en": "No" } } ] }
        """), "question 'safe', option 'no': \"risk\" is \"SEVERE\", which is not one of NONE, LOW, MEDIUM, HIGH");
  }

  @Test
  void rejectsAnUnknownType() {
    assertInvalid(definitionWith("""
        , { "id": "mood", "type": "slider", "required": true, "prompt": { "en": "How are you?" } }
        """), "question 'mood': \"type\" is \"slider\", which is not one of number, choice, text");
  }

  @Test
  void rejectsAnUnknownAskWhen() {
    assertInvalid(definitionWith("""
        , { "id": "mood", "type": "text", "required": true, "maxLength": 100, "askWhen": "adultsOnly",
            "prompt": { "en": "How are you?" } }
        """), "question 'mood': \"askWhen\" is \"adultsOnly\", which is not one of always, ageUnknown");
  }

  @Test
  void rejectsAPromptWithoutEnglish() {
    assertInvalid(definitionWith("""
        , { "id": "mood", "type": "text", "required": true, "maxLength": 100, "prompt": { "ru": "Как вы?" } }
        """), "question 'mood': \"prompt\" needs an English text (\"en\"), shown when the person's language is missing");
  }

  @Test
  void rejectsAMisspeltField() {
    assertInvalid(definitionWith("""
        , { "id": "mood", "type": "text", "requred": true, "maxLength": 100, "prompt": { "en": "How are you?" } }
        """),
        "question 'mood': unknown field \"requred\"; known fields are askWhen, id, max, maxLength, min, options,"
            + " prompt, required, type",
        "question 'mood': \"required\" must be true or false");
  }

  @Test
  void rejectsFieldsOfAnotherType() {
    assertInvalid(definitionWith("""
        , { "id": "mood", "type": "text", "required": true, "maxLength": 100, "min": 1, "prompt": { "en": "How?" } }
        """), "question 'mood': \"min\" belongs only to number questions");
  }

  @Test
  void rejectsANumberQuestionWithoutRange() {
    assertInvalid(definitionWith("""
        , { "id": "children", "type": "number", "required": false, "min": 5, "prompt": { "en": "How many?" } }
        """), "question 'children': \"max\" must be a whole number");
  }

  @Test
  void rejectsOptionsThatAPersonCouldNotTellApart() {
    assertInvalid(definitionWith("""
        , { "id": "safe", "type": "choice", "required": true, "prompt": { "en": "Are you safe?" },
            "options": [ { "value": "yes", "label": { "en": "Yes", "ru": "Да" } },
                         { "value": "no", "label": { "en": "No", "ru": "да" } } ] }
        """),
        "question 'safe', option 'no': 'да' is also the value or a label of option 'yes'; every value and label must"
            + " point to one option only");
  }

  @Test
  void requiresTheAgeQuestionThePlatformReads() {
    assertInvalid("""
        { "id": "q", "version": 1, "questions": [
          { "id": "mood", "type": "text", "required": true, "maxLength": 100, "prompt": { "en": "How are you?" } } ] }
        """, "the definition: needs a number question with id 'age': the platform reads the person's age from it to"
        + " redirect minors");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> load("""
        { "id": "q", "version": 0, "questions": [
          { "id": "age", "type": "number", "required": true, "min": 1, "max": 120, "prompt": { "en": "Age?" } },
          { "type": "choice", "required": true, "prompt": { "en": "Topic?" } } ] }
        """))
        .isInstanceOfSatisfying(InvalidQuestionnaireDefinitionException.class, e -> assertThat(e.problems())
            .containsExactly(
                "the definition: \"version\" must be a whole number of 1 or more; raise it whenever questions change",
                "question #2: \"id\" must start with a lowercase letter and hold only letters, digits and hyphens,"
                    + " e.g. \"contactTime\" or \"rather-not-say\"",
                "question #2: a choice question needs \"options\": a list of at least two answers"))
        .hasMessageStartingWith("Invalid questionnaire definition test.json:\n - the definition: \"version\"");
  }

  @Test
  void rejectsInvalidJsonWithItsPosition() {
    assertThatThrownBy(() -> load("{ \"id\": \"q\", \"version\": 1,\n  \"questions\": [ }"))
        .isInstanceOf(InvalidQuestionnaireDefinitionException.class)
        .hasMessageStartingWith("Invalid questionnaire definition test.json: not valid JSON: ")
        .hasMessageContaining("(line 2, column");
  }

  @Test
  void rejectsARepeatedKey() {
    assertThatThrownBy(() -> load(definitionWith("").replace("\"version\": 1", "\"version\": 1, \"version\": 2")))
        .isInstanceOf(InvalidQuestionnaireDefinitionException.class)
        .hasMessageContaining("Duplicate field 'version'");
  }

  /** A valid definition holding the age question, followed by the given JSON (which starts with a comma). */
  private static String definitionWith(String moreQuestions) {
    return """
        { "id": "test-questionnaire", "version": 1, "questions": [
          { "id": "age", "type": "number", "required": true, "min": 1, "max": 120, "prompt": { "en": "Age?" } }
          %s ] }
        """.formatted(moreQuestions);
  }

  private QuestionnaireDefinition load(String json) {
    return loader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private void assertInvalid(String json, String... expectedProblems) {
    assertThatThrownBy(() -> load(json))
        .isInstanceOfSatisfying(InvalidQuestionnaireDefinitionException.class,
            e -> assertThat(e.problems()).containsExactly(expectedProblems))
        .hasMessageContaining(expectedProblems[0]);
  }
}
