package org.lifeline.orchestrator.questionnaire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * Reads a questionnaire definition file and checks it thoroughly. Process owners edit the file by hand, so every
 * mistake is reported at once, in words that name the question and say what is expected, and a broken file never
 * reaches a person in crisis.
 */
public final class QuestionnaireDefinitionLoader {

  /** The definition shipped in the process owners' folder ({@code bpmn/} in the repository). */
  public static final String SHIPPED_DEFINITION = "bpmn/questionnaire/help-questionnaire.json";

  // Ids and option values are stored with every answer and used in the API, so they stay plain.
  private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9-]*");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");
  private static final Set<String> DEFINITION_FIELDS = Set.of("id", "version", "description", "questions");
  private static final Set<String> QUESTION_FIELDS =
      Set.of("id", "type", "required", "askWhen", "prompt", "options", "min", "max", "maxLength");
  private static final Set<String> OPTION_FIELDS = Set.of("value", "label", "risk");

  // Without this a repeated key silently wins over the first one and hides a copy-and-paste mistake.
  private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  public QuestionnaireDefinition loadShipped() {
    return loadFromClasspath(SHIPPED_DEFINITION);
  }

  public QuestionnaireDefinition loadFromClasspath(String location) {
    try (InputStream content = QuestionnaireDefinitionLoader.class.getClassLoader().getResourceAsStream(location)) {
      if (content == null) {
        throw new IllegalStateException("Questionnaire definition not found on the classpath: " + location);
      }
      return load(content, location);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read questionnaire definition " + location, e);
    }
  }

  /**
   * @param source names the file in error messages
   * @throws InvalidQuestionnaireDefinitionException listing every problem found
   */
  public QuestionnaireDefinition load(InputStream content, String source) {
    JsonNode root;
    try {
      root = json.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InvalidQuestionnaireDefinitionException(source, "not valid JSON: " + describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read questionnaire definition " + source, e);
    }
    return new DefinitionReader(source).read(root);
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null
        ? e.getOriginalMessage()
        : e.getOriginalMessage() + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Reads one file, collecting problems instead of stopping at the first. */
  private static final class DefinitionReader {

    private static final String DEFINITION = "the definition";

    private final String source;
    private final List<String> problems = new ArrayList<>();

    DefinitionReader(String source) {
      this.source = source;
    }

    QuestionnaireDefinition read(JsonNode root) {
      if (root == null || !root.isObject()) {
        throw new InvalidQuestionnaireDefinitionException(
            source, List.of("the file must hold one JSON object with \"id\", \"version\" and \"questions\""));
      }
      rejectUnknownFields(root, DEFINITION_FIELDS, DEFINITION);
      String id = readId(root, "id", DEFINITION);
      int version = readVersion(root);
      if (root.has("description") && !root.get("description").isTextual()) {
        problem(DEFINITION, "\"description\" must be a text");
      }
      List<Question> questions = readQuestions(root.get("questions"));
      if (!problems.isEmpty()) {
        throw new InvalidQuestionnaireDefinitionException(source, problems);
      }
      return new QuestionnaireDefinition(id, version, questions);
    }

    private int readVersion(JsonNode root) {
      JsonNode version = root.get("version");
      if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
        problem(DEFINITION, "\"version\" must be a whole number of 1 or more; raise it whenever questions change");
        return 0;
      }
      return version.intValue();
    }

    private List<Question> readQuestions(JsonNode questionsNode) {
      if (questionsNode == null || !questionsNode.isArray() || questionsNode.isEmpty()) {
        problem(DEFINITION, "\"questions\" must be a non-empty list of questions");
        return List.of();
      }
      List<Question> questions = new ArrayList<>();
      Set<String> seenIds = new HashSet<>();
      for (int index = 0; index < questionsNode.size(); index++) {
        JsonNode questionNode = questionsNode.get(index);
        String id = questionNode.path("id").asText("");
        String where = id.isBlank() ? "question #" + (index + 1) : "question '" + id + "'";
        int problemsBefore = problems.size();
        if (!id.isBlank() && !seenIds.add(id)) {
          problem(where, "the id is already used by an earlier question; question ids must be unique");
        }
        Question question = readQuestion(questionNode, where);
        if (question != null && problems.size() == problemsBefore) {
          questions.add(question);
        }
      }
      checkAgeQuestion(questions, seenIds);
      return questions;
    }

    // The platform reads the age from this question to redirect minors, so it must not be lost in an edit.
    private void checkAgeQuestion(List<Question> questions, Set<String> declaredIds) {
      if (!declaredIds.contains(Questionnaire.AGE_QUESTION_ID)) {
        problem(DEFINITION, "needs a number question with id '" + Questionnaire.AGE_QUESTION_ID
            + "': the platform reads the person's age from it to redirect minors");
      }
      questions.stream()
          .filter(question -> question.id().equals(Questionnaire.AGE_QUESTION_ID))
          .filter(question -> question.type() != QuestionType.NUMBER)
          .forEach(question -> problem("question '" + question.id() + "'",
              "must be a number question: the platform reads the person's age from it"));
    }

    /** The question, or null when it has problems (already recorded). */
    private Question readQuestion(JsonNode node, String where) {
      if (!node.isObject()) {
        problem(where, "must be a JSON object");
        return null;
      }
      int problemsBefore = problems.size();
      rejectUnknownFields(node, QUESTION_FIELDS, where);
      String id = readId(node, "id", where);
      QuestionType type = readEnum(node, "type", where, QuestionType.values(), QuestionType::jsonName, null);
      AskWhen askWhen = readEnum(node, "askWhen", where, AskWhen.values(), AskWhen::jsonName, AskWhen.ALWAYS);
      JsonNode required = node.get("required");
      if (required == null || !required.isBoolean()) {
        problem(where, "\"required\" must be true or false");
      }
      LocalizedText prompt = readLocalizedText(node, "prompt", where);
      // Which fields belong to the question depends on its type; without a known type they cannot be judged.
      if (type == null) {
        return null;
      }
      List<AnswerOption> options = List.of();
      Integer min = null;
      Integer max = null;
      Integer maxLength = null;
      if (type == QuestionType.CHOICE) {
        options = readOptions(node.get("options"), where);
      } else {
        rejectFieldOfOtherType(node, "options", where, QuestionType.CHOICE);
      }
      if (type == QuestionType.NUMBER) {
        min = readInt(node, "min", where);
        max = readInt(node, "max", where);
        if (min != null && max != null && min > max) {
          problem(where, "\"min\" (" + min + ") must not be greater than \"max\" (" + max + ")");
        }
      } else {
        rejectFieldOfOtherType(node, "min", where, QuestionType.NUMBER);
        rejectFieldOfOtherType(node, "max", where, QuestionType.NUMBER);
      }
      if (type == QuestionType.TEXT) {
        maxLength = readInt(node, "maxLength", where);
        if (maxLength != null && maxLength < 1) {
          problem(where, "\"maxLength\" must be 1 or more");
        }
      } else {
        rejectFieldOfOtherType(node, "maxLength", where, QuestionType.TEXT);
      }
      if (problems.size() > problemsBefore) {
        return null;
      }
      return new Question(id, type, required.booleanValue(), askWhen, prompt, options, min, max, maxLength);
    }

    private List<AnswerOption> readOptions(JsonNode optionsNode, String where) {
      if (optionsNode == null || !optionsNode.isArray() || optionsNode.size() < 2) {
        problem(where, "a choice question needs \"options\": a list of at least two answers");
        return List.of();
      }
      List<AnswerOption> options = new ArrayList<>();
      // Every value and label a person may type, to the option it picks: one text must never pick two options.
      Map<String, String> optionByMatchKey = new HashMap<>();
      for (int index = 0; index < optionsNode.size(); index++) {
        JsonNode optionNode = optionsNode.get(index);
        String value = optionNode.path("value").asText("");
        String optionWhere = where + ", option " + (value.isBlank() ? "#" + (index + 1) : "'" + value + "'");
        AnswerOption option = readOption(optionNode, optionWhere);
        if (option == null) {
          continue;
        }
        Questionnaire.matchKeys(option).distinct().forEach(key -> {
          String other = optionByMatchKey.putIfAbsent(key, option.value());
          if (other != null) {
            problem(optionWhere, "'" + key + "' is also the value or a label of option '" + other
                + "'; every value and label must point to one option only");
          }
        });
        options.add(option);
      }
      return options;
    }

    private AnswerOption readOption(JsonNode node, String where) {
      if (!node.isObject()) {
        problem(where, "must be a JSON object with \"value\" and \"label\"");
        return null;
      }
      int problemsBefore = problems.size();
      rejectUnknownFields(node, OPTION_FIELDS, where);
      String value = readId(node, "value", where);
      LocalizedText label = readLocalizedText(node, "label", where);
      RiskLevel risk = readEnum(node, "risk", where, RiskLevel.values(), RiskLevel::name, RiskLevel.NONE);
      return problems.size() > problemsBefore ? null : new AnswerOption(value, label, risk);
    }

    private String readId(JsonNode node, String field, String where) {
      JsonNode id = node.get(field);
      if (id == null || !id.isTextual() || !ID.matcher(id.textValue()).matches()) {
        problem(where, "\"" + field + "\" must start with a lowercase letter and hold only letters, digits and"
            + " hyphens, e.g. \"contactTime\" or \"rather-not-say\"");
        return null;
      }
      return id.textValue();
    }

    /** Reads a field written as one of the constants' JSON names; absent gives the default, or a problem if null. */
    private <E> E readEnum(
        JsonNode node, String field, String where, E[] constants, Function<E, String> jsonName, E absentDefault) {
      JsonNode value = node.get(field);
      if (value == null && absentDefault != null) {
        return absentDefault;
      }
      for (E constant : constants) {
        if (value != null && value.isTextual() && jsonName.apply(constant).equals(value.textValue())) {
          return constant;
        }
      }
      String allowed = Arrays.stream(constants).map(jsonName).collect(Collectors.joining(", "));
      problem(where, value == null
          ? "\"" + field + "\" is missing; it must be one of " + allowed
          : "\"" + field + "\" is " + value + ", which is not one of " + allowed);
      return null;
    }

    private Integer readInt(JsonNode node, String field, String where) {
      JsonNode value = node.get(field);
      if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
        problem(where, "\"" + field + "\" must be a whole number");
        return null;
      }
      return value.intValue();
    }

    private LocalizedText readLocalizedText(JsonNode node, String field, String where) {
      JsonNode textsNode = node.get(field);
      if (textsNode == null || !textsNode.isObject()) {
        problem(where, "\"" + field + "\" must hold the text per language, e.g. {\"en\": \"...\", \"ru\": \"...\","
            + " \"uk\": \"...\"}");
        return null;
      }
      int problemsBefore = problems.size();
      Map<String, String> texts = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : textsNode.properties()) {
        String language = entry.getKey();
        JsonNode text = entry.getValue();
        if (!LANGUAGE_CODE.matcher(language).matches()) {
          problem(where, "\"" + field + "\" language '" + language + "' must be a two-letter code such as en, ru, uk");
        } else if (!text.isTextual() || text.textValue().isBlank()) {
          problem(where, "\"" + field + "\" in '" + language + "' must be a non-empty text");
        } else {
          texts.put(language, text.textValue().strip());
        }
      }
      if (!textsNode.has(LocalizedText.FALLBACK_LANGUAGE)) {
        problem(where, "\"" + field + "\" needs an English text (\"" + LocalizedText.FALLBACK_LANGUAGE
            + "\"), shown when the person's language is missing");
      }
      return problems.size() > problemsBefore ? null : new LocalizedText(texts);
    }

    private void rejectFieldOfOtherType(JsonNode node, String field, String where, QuestionType owner) {
      if (node.has(field)) {
        problem(where, "\"" + field + "\" belongs only to " + owner.jsonName() + " questions");
      }
    }

    // A misspelt field (say "requred") would otherwise be ignored and its intent silently lost.
    private void rejectUnknownFields(JsonNode node, Set<String> knownFields, String where) {
      node.fieldNames().forEachRemaining(field -> {
        if (!knownFields.contains(field)) {
          problem(where, "unknown field \"" + field + "\"; known fields are " + String.join(", ", knownFields.stream()
              .sorted().toList()));
        }
      });
    }

    private void problem(String where, String problem) {
      problems.add(where + ": " + problem);
    }
  }
}
