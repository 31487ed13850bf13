package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lifeline.orchestrator.curator.FormValidationException.FieldError;

/**
 * Checks submitted values against a Camunda Form (form-js JSON schema) on the server, whatever
 * the browser did: required fields, allowed values of radio/select/checklist/taglist, number
 * ranges, text lengths and patterns, types; keys that are not fields of the form are refused.
 *
 * <p>Options may come from a process variable ({@code valuesKey}, e.g. the specialists a curator may choose from):
 * such a field accepts only the values of the list the task shows, read from the task's variables, never from what
 * was submitted. A field hidden by a condition of the form {@code =field = "code"} or {@code =field != "code"} (the
 * one kind the server evaluates) is required only when it is shown, and its value is dropped when it is hidden, as
 * form-js does; under any other condition it is never required here.
 *
 * <p>It also splits the values by where they may go. Text typed into {@code textfield} and
 * {@code textarea} fields is free text: it stays in the platform's database and never reaches the
 * engine, where it would be visible in Operate/Tasklist. Everything else (codes, booleans, numbers,
 * dates) becomes process variables.
 */
final class FormValidator {

  static final int DEFAULT_TEXT_LIMIT = 4000;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
  private static final Pattern DATE_TIME = Pattern.compile("[0-9T:.+Z-]{4,40}");
  /** A condition comparing one field with a code: {@code =decision = "choose"}, {@code =decision != "choose"}. */
  private static final Pattern FIELD_COMPARISON =
      Pattern.compile("=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*\"([^\"\\\\]*)\"\\s*");
  private static final Set<String> FREE_TEXT = Set.of("textfield", "textarea");
  private static final Set<String> SINGLE_CHOICE = Set.of("radio", "select");
  private static final Set<String> MULTIPLE_CHOICE = Set.of("checklist", "taglist");

  private FormValidator() {}

  /** The values split into process variables and free-text notes. */
  record ValidatedForm(Map<String, Object> variables, Map<String, String> notes) {}

  static ValidatedForm validate(JsonNode schema, Map<String, Object> submitted) {
    return validate(schema, submitted, Map.of());
  }

  /**
   * @param taskVariables the task's variables the form shows (e.g. the options of a {@code valuesKey} field)
   */
  static ValidatedForm validate(JsonNode schema, Map<String, Object> submitted, Map<String, Object> taskVariables) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    collectFields(schema.path("components"), fields);
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> values = submitted == null ? Map.of() : submitted;
    for (String key : values.keySet()) {
      if (!fields.containsKey(key)) {
        errors.add(new FieldError(key, "is not a field of this form"));
      }
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      String key = field.getKey();
      JsonNode component = field.getValue();
      if (component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false)) {
        continue;
      }
      Visibility visibility = visibility(component, values);
      if (visibility == Visibility.HIDDEN) {
        continue;
      }
      Object value = values.get(key);
      if (isEmpty(value)) {
        if (isRequired(component, visibility)) {
          errors.add(new FieldError(key, "is required"));
        }
        continue;
      }
      String type = component.path("type").asText();
      String problem = check(type, component, value, taskVariables);
      if (problem != null) {
        errors.add(new FieldError(key, problem));
      } else if (FREE_TEXT.contains(type)) {
        notes.put(key, (String) value);
      } else {
        variables.put(key, value);
      }
    }
    if (!errors.isEmpty()) {
      throw new FormValidationException(errors);
    }
    return new ValidatedForm(variables, notes);
  }

  /** Input fields by key; layout components (groups, text, spacers, ...) only contribute their children. */
  private static void collectFields(JsonNode components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      if (key != null && isSupported(type)) {
        fields.put(key, component);
      }
      if (component.has("components")) {
        collectFields(component.path("components"), fields);
      }
    }
  }

  private static boolean isSupported(String type) {
    return FREE_TEXT.contains(type)
        || SINGLE_CHOICE.contains(type)
        || MULTIPLE_CHOICE.contains(type)
        || type.equals("number")
        || type.equals("checkbox")
        || type.equals("datetime");
  }

  private enum Visibility {
    SHOWN,
    HIDDEN,
    /** Under a condition the server does not evaluate: the browser's business. */
    UNKNOWN
  }

  /** Whether the field is shown, for a condition comparing a field's submitted code with a code. */
  private static Visibility visibility(JsonNode component, Map<String, Object> values) {
    if (!component.has("conditional")) {
      return Visibility.SHOWN;
    }
    Matcher comparison = FIELD_COMPARISON.matcher(component.path("conditional").path("hide").asText(""));
    if (!comparison.matches() || !(values.get(comparison.group(1)) instanceof String code)) {
      return Visibility.UNKNOWN;
    }
    boolean equal = code.equals(comparison.group(3));
    boolean hide = comparison.group(2).equals("=") == equal;
    return hide ? Visibility.HIDDEN : Visibility.SHOWN;
  }

  /** A field shown only under a condition the server cannot evaluate is not required here. */
  private static boolean isRequired(JsonNode component, Visibility visibility) {
    return component.path("validate").path("required").asBoolean(false) && visibility == Visibility.SHOWN;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String text && text.isBlank())
        || (value instanceof List<?> list && list.isEmpty());
  }

  private static String check(String type, JsonNode component, Object value, Map<String, Object> taskVariables) {
    JsonNode validate = component.path("validate");
    if (FREE_TEXT.contains(type)) {
      return checkText(validate, value);
    }
    if (SINGLE_CHOICE.contains(type)) {
      return value instanceof String code ? checkAllowed(component, code, taskVariables) : "must be one of the offered values";
    }
    if (MULTIPLE_CHOICE.contains(type)) {
      if (!(value instanceof List<?> list)) {
        return "must be a list of the offered values";
      }
      Set<Object> seen = new HashSet<>();
      for (Object item : list) {
        String problem =
            item instanceof String code ? checkAllowed(component, code, taskVariables) : "must be a list of the offered values";
        if (problem != null) {
          return problem;
        }
        if (!seen.add(item)) {
          return "must not repeat a value";
        }
      }
      return null;
    }
    return switch (type) {
      case "number" -> checkNumber(validate, value);
      case "checkbox" -> value instanceof Boolean ? null : "must be true or false";
      case "datetime" -> value instanceof String text && DATE_TIME.matcher(text).matches() ? null : "must be a date or time";
      default -> "is not supported";
    };
  }

  private static String checkText(JsonNode validate, Object value) {
    if (!(value instanceof String text)) {
      return "must be text";
    }
    int max = validate.path("maxLength").asInt(DEFAULT_TEXT_LIMIT);
    if (text.length() > Math.min(max, DEFAULT_TEXT_LIMIT)) {
      return "must be at most " + Math.min(max, DEFAULT_TEXT_LIMIT) + " characters";
    }
    if (validate.has("minLength") && text.length() < validate.path("minLength").asInt()) {
      return "must be at least " + validate.path("minLength").asInt() + " characters";
    }
    if (validate.hasNonNull("pattern")) {
      try {
        if (!Pattern.compile(validate.path("pattern").asText()).matcher(text).matches()) {
          return "does not have the expected format";
        }
      } catch (PatternSyntaxException e) {
        return "cannot be checked: the form's pattern is invalid";
      }
    }
    return null;
  }

  private static String checkAllowed(JsonNode component, String code, Map<String, Object> taskVariables) {
    if (component.hasNonNull("valuesKey")) {
      Object offered = taskVariables.get(component.path("valuesKey").asText());
      return offered instanceof List<?> options && options.stream().anyMatch(option -> code.equals(valueOf(option)))
          ? null
          : "must be one of the offered values";
    }
    JsonNode offered = component.path("values");
    if (!offered.isArray() || offered.isEmpty()) {
      // Options from an expression: only the shape of a code can be checked.
      return CODE.matcher(code).matches() ? null : "must be a code";
    }
    for (JsonNode option : offered) {
      if (code.equals(option.path("value").asText(null))) {
        return null;
      }
    }
    return "must be one of the offered values";
  }

  /** The value of an option from a variable: {@code {label, value}}, or a plain value (its own label). */
  private static Object valueOf(Object option) {
    return option instanceof Map<?, ?> labelled ? labelled.get("value") : option;
  }

  private static String checkNumber(JsonNode validate, Object value) {
    if (!(value instanceof Number number) || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return "must be a number";
    }
    BigDecimal decimal = new BigDecimal(number.toString());
    if (validate.has("min") && decimal.compareTo(validate.path("min").decimalValue()) < 0) {
      return "must be at least " + validate.path("min").asText();
    }
    if (validate.has("max") && decimal.compareTo(validate.path("max").decimalValue()) > 0) {
      return "must be at most " + validate.path("max").asText();
    }
    return null;
  }
}
