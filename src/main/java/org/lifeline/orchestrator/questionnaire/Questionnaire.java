package org.lifeline.orchestrator.questionnaire;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lifeline.orchestrator.platform.PlainText;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * The questionnaire's rules over one definition: which question comes next, whether an answer is valid, how far the
 * person has got and what their answers say about risk. Pure: answers are passed in as a map of question id to the
 * stored (normalised) value, so the caller decides where they live.
 */
public final class Questionnaire {

  /** The stored answer of an optional question the person chose to skip. */
  public static final String SKIPPED = "";

  /** The platform reads the person's age from this question (minors are redirected to a partner service). */
  public static final String AGE_QUESTION_ID = "age";

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\p{Nd}+");
  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

  private final QuestionnaireDefinition definition;

  public Questionnaire(QuestionnaireDefinition definition) {
    this.definition = Objects.requireNonNull(definition, "definition");
  }

  public QuestionnaireDefinition definition() {
    return definition;
  }

  /** The first question that applies to the person and is not answered yet; empty when there is nothing left to ask. */
  public Optional<Question> nextQuestion(Map<String, String> answers, QuestionnaireContext context) {
    return applicableQuestions(context).filter(question -> !isAnswered(question, answers)).findFirst();
  }

  /** Checks a raw answer as the person typed or picked it. Never throws for anything the person sends. */
  public AnswerCheck check(String questionId, String rawAnswer) {
    Optional<Question> question = definition.question(questionId);
    if (question.isEmpty()) {
      return new AnswerCheck.UnknownQuestion(questionId);
    }
    String answer = rawAnswer == null ? "" : PlainText.strip(rawAnswer).strip();
    return check(question.get(), answer);
  }

  /**
   * Whether a refused answer was meant as one (a number out of range, a text too long) rather than words that answer
   * another question or none (free text at a closed question): a chat tells the person what fits, or takes the words
   * as a message.
   */
  public boolean isAttempt(String questionId, String rawAnswer) {
    String answer = rawAnswer == null ? "" : PlainText.strip(rawAnswer).strip();
    return !answer.isEmpty()
        && definition.question(questionId)
            .map(question -> switch (question.type()) {
              case NUMBER -> WHOLE_NUMBER.matcher(answer).matches();
              case TEXT -> true;
              case CHOICE -> false;
            })
            .orElse(false);
  }

  public boolean isComplete(Map<String, String> answers, QuestionnaireContext context) {
    return progress(answers, context).complete();
  }

  public Progress progress(Map<String, String> answers, QuestionnaireContext context) {
    int total = 0;
    int answered = 0;
    int remainingRequired = 0;
    for (Question question : applicableQuestions(context).toList()) {
      total++;
      if (isAnswered(question, answers)) {
        answered++;
      } else if (question.required()) {
        remainingRequired++;
      }
    }
    return new Progress(answered, total, remainingRequired);
  }

  /** The highest risk signalled by any chosen answer; {@link RiskLevel#NONE} when no answer signals one. */
  public RiskLevel riskOf(Map<String, String> answers) {
    return definition.questions().stream()
        .filter(question -> question.type() == QuestionType.CHOICE)
        .flatMap(question -> question.option(answers.get(question.id())).stream())
        .map(AnswerOption::risk)
        .reduce(RiskLevel.NONE, RiskLevel::max);
  }

  /** The age the person gave in the questionnaire, if they were asked and answered. */
  public Optional<Integer> statedAge(Map<String, String> answers) {
    String age = answers.get(AGE_QUESTION_ID);
    if (age == null || age.isBlank()) {
      return Optional.empty();
    }
    // Stored answers come from check(), but a value edited by hand in the database must not break the caller.
    try {
      return Optional.of(Integer.parseInt(age.strip()));
    } catch (NumberFormatException notAWholeNumber) {
      return Optional.empty();
    }
  }

  private Stream<Question> applicableQuestions(QuestionnaireContext context) {
    return definition.questions().stream().filter(question -> question.appliesTo(context));
  }

  // A blank value counts as an answer only for optional questions, where it means "skipped".
  private static boolean isAnswered(Question question, Map<String, String> answers) {
    String answer = answers.get(question.id());
    return answer != null && (!answer.isBlank() || !question.required());
  }

  private static AnswerCheck check(Question question, String answer) {
    if (answer.isEmpty()) {
      return question.required()
          ? new AnswerCheck.Rejected("This question needs an answer. " + expectation(question))
          : new AnswerCheck.Accepted(SKIPPED);
    }
    return switch (question.type()) {
      case NUMBER -> checkNumber(question, answer);
      case CHOICE -> checkChoice(question, answer);
      case TEXT -> checkText(question, answer);
    };
  }

  private static AnswerCheck checkNumber(Question question, String answer) {
    if (!WHOLE_NUMBER.matcher(answer).matches()) {
      return new AnswerCheck.Rejected(expectation(question));
    }
    // BigInteger, so that an absurdly long number is reported as out of range rather than overflowing.
    BigInteger number = new BigInteger(answer);
    if (number.compareTo(BigInteger.valueOf(question.min())) < 0
        || number.compareTo(BigInteger.valueOf(question.max())) > 0) {
      return new AnswerCheck.Rejected(expectation(question));
    }
    return new AnswerCheck.Accepted(number.toString());
  }

  private static AnswerCheck checkChoice(Question question, String answer) {
    String wanted = matchKey(answer);
    return question.options().stream()
        .filter(option -> matchKeys(option).anyMatch(wanted::equals))
        .findFirst()
        .<AnswerCheck>map(option -> new AnswerCheck.Accepted(option.value()))
        .orElseGet(() -> new AnswerCheck.Rejected(expectation(question)));
  }

  private static AnswerCheck checkText(Question question, String answer) {
    // Characters as a person counts them (an emoji is one), which is also how PostgreSQL limits text columns.
    int length = answer.codePointCount(0, answer.length());
    if (length > question.maxLength()) {
      return new AnswerCheck.Rejected(
          "Please keep the answer to at most " + question.maxLength() + " characters; this one has " + length + ".");
    }
    return new AnswerCheck.Accepted(answer);
  }

  private static String expectation(Question question) {
    return switch (question.type()) {
      case NUMBER -> "Enter a whole number from " + question.min() + " to " + question.max() + ".";
      case CHOICE ->
          question.options().stream().map(AnswerOption::value).collect(Collectors.joining(", ", "Choose one of: ", "."));
      case TEXT -> "Write your answer in at most " + question.maxLength() + " characters.";
    };
  }

  /** Everything a person may type to pick an option: its value or its label in any language. */
  static Stream<String> matchKeys(AnswerOption option) {
    return Stream.concat(Stream.of(option.value()), option.label().byLanguage().values().stream())
        .map(Questionnaire::matchKey);
  }

  /**
   * Folds the differences that do not change what a person meant: letter case, runs of spaces, "е" written for "ё" (as
   * most people write Russian) and the several apostrophes of Ukrainian text.
   */
  static String matchKey(String text) {
    String folded = WHITESPACE_RUN.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    return folded.replace('ё', 'е').replace('’', '\'').replace('ʼ', '\'').replace('`', '\'');
  }
}
