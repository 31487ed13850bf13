package org.lifeline.orchestrator.curator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.curator.FormValidationException.FieldError;
import org.lifeline.orchestrator.curator.FormValidator.ValidatedForm;

class FormValidatorTest {

  static final JsonNode FORM = read(
      """
      {"id":"f","components":[
        {"type":"text","text":"Intro"},
        {"type":"radio","key":"decision","validate":{"required":true},
         "values":[{"label":"Accept","value":"accept"},{"label":"Reject","value":"reject"}]},
        {"type":"select","key":"reason","values":[{"label":"Age","value":"age"},{"label":"Other","value":"other"}]},
        {"type":"number","key":"score","validate":{"min":1,"max":5}},
        {"type":"checkbox","key":"repeat"},
        {"type":"group","components":[
          {"type":"checklist","key":"signals","values":[{"label":"A","value":"a"},{"label":"B","value":"b"}]},
          {"type":"textfield","key":"shortNote","validate":{"maxLength":10}}
        ]},
        {"type":"textarea","key":"note"},
        {"type":"textfield","key":"hiddenReason","validate":{"required":true},"conditional":{"hide":"=decision = \\"accept\\""}},
        {"type":"datetime","key":"followUpOn"},
        {"type":"textfield","key":"computed","readonly":true}
      ]}
      """);

  @Test
  void splitsValidValuesIntoVariablesAndFreeText() {
    Map<String, Object> values = new HashMap<>();
    values.put("decision", "accept");
    values.put("reason", "age");
    values.put("score", 3);
    values.put("repeat", true);
    values.put("signals", List.of("a", "b"));
    values.put("shortNote", "short");
    values.put("note", "The person mentioned...");
    values.put("followUpOn", "2025-03-01");
    values.put("hiddenReason", null);

    ValidatedForm form = FormValidator.validate(FORM, values);

    assertThat(form.variables())
        .containsOnlyKeys("decision", "reason", "score", "repeat", "signals", "followUpOn")
        .containsEntry("decision", "accept")
        .containsEntry("score", 3);
    assertThat(form.notes()).containsOnly(Map.entry("shortNote", "short"), Map.entry("note", "The person mentioned..."));
  }

  @Test
  void namesEveryFieldThatIsWrong() {
    Map<String, Object> values = new HashMap<>();
    values.put("reason", "astrology");
    values.put("score", 6.5);
    values.put("repeat", "yes");
    values.put("signals", List.of("a", "a"));
    values.put("shortNote", "far too long for it");
    values.put("followUpOn", "<script>");
    values.put("requestId", "someone else's");

    assertThatThrownBy(() -> FormValidator.validate(FORM, values))
        .isInstanceOfSatisfying(
            FormValidationException.class,
            invalid ->
                assertThat(invalid.errors())
                    .containsExactlyInAnyOrder(
                        new FieldError("requestId", "is not a field of this form"),
                        new FieldError("decision", "is required"),
                        new FieldError("reason", "must be one of the offered values"),
                        new FieldError("score", "must be at most 5"),
                        new FieldError("repeat", "must be true or false"),
                        new FieldError("signals", "must not repeat a value"),
                        new FieldError("shortNote", "must be at most 10 characters"),
                        new FieldError("followUpOn", "must be a date or time")));
  }

  @Test
  void refusesWrongTypesAndValuesOfReadOnlyFields() {
    assertThat(errorsOf(Map.of("decision", 1))).containsExactly(new FieldError("decision", "must be one of the offered values"));
    assertThat(errorsOf(Map.of("decision", "accept", "score", "three"))).containsExactly(new FieldError("score", "must be a number"));
    assertThat(errorsOf(Map.of("decision", "accept", "score", 0))).containsExactly(new FieldError("score", "must be at least 1"));
    assertThat(errorsOf(Map.of("decision", "accept", "signals", "a"))).containsExactly(new FieldError("signals", "must be a list of the offered values"));
    assertThat(errorsOf(Map.of("decision", "accept", "note", 42))).containsExactly(new FieldError("note", "must be text"));
    assertThat(FormValidator.validate(FORM, Map.of("decision", "reject", "hiddenReason", "too young", "computed", "x")).variables())
        .containsOnlyKeys("decision");
  }

  @Test
  void freeTextIsCappedEvenWithoutALimitInTheForm() {
    assertThat(errorsOf(Map.of("decision", "accept", "note", "x".repeat(FormValidator.DEFAULT_TEXT_LIMIT + 1))))
        .containsExactly(new FieldError("note", "must be at most 4000 characters"));
  }

  @Test
  void aTaskWithoutAFormTakesNoValues() {
    JsonNode none = read("{}");
    assertThat(FormValidator.validate(none, Map.of()).variables()).isEmpty();
    assertThatThrownBy(() -> FormValidator.validate(none, Map.of("approved", true))).isInstanceOf(FormValidationException.class);
  }

  static final JsonNode CHOICE = read(
      """
      {"id":"c","components":[
        {"type":"radio","key":"decision","validate":{"required":true},
         "values":[{"label":"Confirm","value":"confirm"},{"label":"Choose","value":"choose"}]},
        {"type":"select","key":"chosen","valuesKey":"options","validate":{"required":true},
         "conditional":{"hide":"=decision != \\"choose\\""}},
        {"type":"checklist","key":"also","valuesKey":"plain"}
      ]}
      """);

  static final Map<String, Object> TASK_VARIABLES =
      Map.of(
          "options", List.of(Map.of("label", "Ivan (0 of 3)", "value", "id-ivan"), Map.of("label", "Olena", "value", "id-olena")),
          "plain", List.of("a", "b"));

  @Test
  void optionsFromAVariableAcceptOnlyTheValuesTheTaskOffers() {
    assertThat(FormValidator.validate(CHOICE, Map.of("decision", "choose", "chosen", "id-olena", "also", List.of("b")), TASK_VARIABLES)
            .variables())
        .containsEntry("chosen", "id-olena")
        .containsEntry("also", List.of("b"));

    assertThat(choiceErrors(Map.of("decision", "choose", "chosen", "id-someone-else", "also", List.of("c")), TASK_VARIABLES))
        .containsExactlyInAnyOrder(
            new FieldError("chosen", "must be one of the offered values"),
            new FieldError("also", "must be one of the offered values"));
    assertThat(choiceErrors(Map.of("decision", "choose", "chosen", "id-olena"), Map.of()))
        .as("a task without the list offers nothing")
        .containsExactly(new FieldError("chosen", "must be one of the offered values"));
  }

  @Test
  void aFieldShownByASimpleConditionIsRequiredOnlyWhenShownAndDroppedWhenHidden() {
    assertThat(choiceErrors(Map.of("decision", "choose"), TASK_VARIABLES))
        .containsExactly(new FieldError("chosen", "is required"));
    assertThat(FormValidator.validate(CHOICE, Map.of("decision", "confirm", "chosen", "id-olena"), TASK_VARIABLES).variables())
        .as("hidden: its value goes nowhere, as form-js does not submit it")
        .containsOnlyKeys("decision");
    assertThat(choiceErrors(Map.of("chosen", "id-olena"), TASK_VARIABLES))
        .as("without the decision the condition cannot be told: only the decision is reported")
        .containsExactly(new FieldError("decision", "is required"));
  }

  private static List<FieldError> choiceErrors(Map<String, Object> values, Map<String, Object> taskVariables) {
    try {
      FormValidator.validate(CHOICE, values, taskVariables);
      return List.of();
    } catch (FormValidationException invalid) {
      return invalid.errors();
    }
  }

  private static List<FieldError> errorsOf(Map<String, Object> values) {
    try {
      FormValidator.validate(FORM, values);
      return List.of();
    } catch (FormValidationException invalid) {
      return invalid.errors();
    }
  }

  private static JsonNode read(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
