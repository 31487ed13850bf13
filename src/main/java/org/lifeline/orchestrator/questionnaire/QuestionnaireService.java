package org.lifeline.orchestrator.questionnaire;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.escalation.EscalationSignals;
import org.lifeline.orchestrator.escalation.SignalSource;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request's questionnaire: answers are checked against the definition and stored one by one in the database, so a
 * person can stop and go on later. The questionnaire is open while the request's status is {@code QUESTIONNAIRE}; while
 * the request is still being qualified and the age is unknown, only the age question is open (qualification needs it).
 */
@Service
@Transactional
public class QuestionnaireService {

  private final Questionnaire questionnaire;
  private final QuestionnaireAnswerRepository answers;
  private final RequestLifecycle lifecycle;
  private final EscalationSignals signals;
  private final Clock clock;

  QuestionnaireService(
      Questionnaire questionnaire,
      QuestionnaireAnswerRepository answers,
      RequestLifecycle lifecycle,
      EscalationSignals signals,
      Clock clock) {
    this.questionnaire = questionnaire;
    this.answers = answers;
    this.lifecycle = lifecycle;
    this.signals = signals;
    this.clock = clock;
  }

  /** Where the request's questionnaire stands. */
  @Transactional(readOnly = true)
  public Sheet sheet(UUID requestId) {
    HelpRequest request = lifecycle.get(requestId);
    Map<String, String> stored = new LinkedHashMap<>();
    answers.findByRequestIdOrderByAnsweredAtAscIdAsc(requestId).forEach(answer -> stored.put(answer.getQuestionId(), answer.getAnswer()));
    return new Sheet(questionnaire, request, stored);
  }

  /**
   * The stored answers as staff read them, in the order given: each question's prompt and a choice's label in the
   * language (English where a text is missing); a skipped question has no answer. Sensitive: for readers with a need
   * to know only.
   */
  @Transactional(readOnly = true)
  public List<LabelledAnswer> labelledAnswers(UUID requestId, String language) {
    return answers.findByRequestIdOrderByAnsweredAtAscIdAsc(requestId).stream()
        .map(stored -> labelled(stored, language))
        .toList();
  }

  private LabelledAnswer labelled(QuestionnaireAnswer stored, String language) {
    Optional<Question> question = questionnaire.definition().question(stored.getQuestionId());
    String value = stored.getAnswer();
    String answer =
        value == null || Questionnaire.SKIPPED.equals(value)
            ? null
            : question.flatMap(known -> known.option(value)).map(option -> option.label().in(language)).orElse(value);
    return new LabelledAnswer(
        stored.getQuestionId(), question.map(known -> known.prompt().in(language)).orElse(stored.getQuestionId()), answer);
  }

  /** Where the request's questionnaire stands; refused when the questionnaire is not open. */
  @Transactional(readOnly = true)
  public Sheet openSheet(UUID requestId) {
    Sheet sheet = sheet(requestId);
    requireOpen(sheet);
    return sheet;
  }

  /**
   * Checks and stores one answer. Sending the same answer to an answered question again is a harmless replay.
   *
   * @param language the language of the question shown again when the answer is refused
   */
  public Answered answer(UUID requestId, String questionId, String rawAnswer, String language, String actor) {
    Sheet sheet = sheet(requestId);
    requireOpen(sheet);
    AnswerCheck check = questionnaire.check(questionId, rawAnswer);
    if (check instanceof AnswerCheck.UnknownQuestion) {
      throw QuestionnaireProblem.unknownQuestion(questionId);
    }
    if (sheet.answers().containsKey(questionId)) {
      if (check instanceof AnswerCheck.Accepted accepted && accepted.value().equals(sheet.answers().get(questionId))) {
        return answered(sheet, questionId, sheet.answers(), sheet.request().getRiskLevel(), true);
      }
      throw QuestionnaireProblem.alreadyAnswered(questionId);
    }
    Optional<Question> due = sheet.next();
    if (due.isEmpty() || !due.get().id().equals(questionId)) {
      throw QuestionnaireProblem.notTheNextQuestion(questionId, due.map(question -> QuestionView.of(question, language)).orElse(null));
    }
    if (check instanceof AnswerCheck.Rejected rejected) {
      throw QuestionnaireProblem.invalidAnswer(rejected.message(), QuestionView.of(due.get(), language));
    }
    String value = ((AnswerCheck.Accepted) check).value();
    answers.save(new QuestionnaireAnswer(requestId, questionId, value, questionnaire.definition(), actor, clock.instant()));
    Map<String, String> updated = new LinkedHashMap<>(sheet.answers());
    updated.put(questionId, value);
    if (Questionnaire.AGE_QUESTION_ID.equals(questionId)) {
      questionnaire.statedAge(updated).ifPresent(age -> lifecycle.recordStatedAge(requestId, age));
    }
    RiskLevel answerRisk = questionnaire.riskOf(Map.of(questionId, value));
    if (answerRisk != RiskLevel.NONE) {
      // Stored with the answer: the signal (and its escalation) cannot be lost between the two.
      signals.raise(requestId, answerRisk, SignalSource.QUESTIONNAIRE, questionId + ":" + value, actor);
    }
    RiskLevel risk = lifecycle.get(requestId).getRiskLevel();
    return answered(sheet, questionId, updated, risk, false);
  }

  /**
   * Takes back the person's latest answer so that its question is asked again ("back" in a chat).
   * Only inside the questionnaire stage and never the age, which qualification has already used.
   *
   * @return the question asked again, or empty when there is nothing to take back
   */
  public Optional<Question> takeBackLastAnswer(UUID requestId) {
    Sheet sheet = sheet(requestId);
    if (sheet.request().getStatus() != RequestStatus.QUESTIONNAIRE || sheet.progress().complete()) {
      return Optional.empty();
    }
    List<QuestionnaireAnswer> stored = answers.findByRequestIdOrderByAnsweredAtAscIdAsc(requestId);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    QuestionnaireAnswer last = stored.get(stored.size() - 1);
    if (Questionnaire.AGE_QUESTION_ID.equals(last.getQuestionId())) {
      return Optional.empty();
    }
    answers.delete(last);
    return questionnaire.definition().question(last.getQuestionId());
  }

  /**
   * Whether a reminder is due: the questionnaire is open and incomplete.
   *
   * @return how many questions are answered (a reminder is sent once per number and round); empty: no reminder
   */
  @Transactional(readOnly = true)
  public Optional<Integer> reminderRound(UUID requestId) {
    Sheet sheet = sheet(requestId);
    if (!sheet.open() || sheet.progress().complete()) {
      return Optional.empty();
    }
    return Optional.of(sheet.answers().size());
  }

  private Answered answered(
      Sheet sheet, String questionId, Map<String, String> updated, RiskLevel requestRisk, boolean replayed) {
    Sheet after = new Sheet(questionnaire, sheet.request(), updated);
    return new Answered(
        sheet.request().getId(),
        questionId,
        replayed,
        questionnaire.riskOf(Map.of(questionId, updated.get(questionId))),
        requestRisk,
        after.progress(),
        after.next());
  }

  private static void requireOpen(Sheet sheet) {
    if (sheet.open()) {
      return;
    }
    RequestStatus status = sheet.request().getStatus();
    String detail =
        switch (status) {
          case ABANDONED, CLOSED, REJECTED, REDIRECTED_MINOR ->
              "The request is closed (" + status + "). A new message from the person starts a new request"
                  + " (POST /api/v1/requests); its contact history shows this one.";
          case CURATOR_REVIEW -> "A curator is reviewing the request; the questionnaire continues if it is accepted.";
          case RECEIVED, QUALIFYING -> "The request is being qualified; the questionnaire opens in a moment.";
          default -> "The questionnaire of this request is finished (" + status + ").";
        };
    throw QuestionnaireProblem.notOpen(status.name(), detail);
  }

  /**
   * One request's questionnaire: its stored answers under the definition's rules.
   *
   * @param answers question id to stored value, in the order they were given
   */
  public record Sheet(Questionnaire questionnaire, HelpRequest request, Map<String, String> answers) {

    /** The age counts as known (and is not asked) when it was stated at intake rather than answered here. */
    public QuestionnaireContext context() {
      return new QuestionnaireContext(
          request.getStatedAge() != null && !answers.containsKey(Questionnaire.AGE_QUESTION_ID));
    }

    public Optional<Question> next() {
      return questionnaire.nextQuestion(answers, context());
    }

    public Progress progress() {
      return questionnaire.progress(answers, context());
    }

    /** Whether answers are taken now. */
    public boolean open() {
      RequestStatus status = request.getStatus();
      if (status == RequestStatus.QUESTIONNAIRE) {
        return true;
      }
      boolean beforeQualification = status == RequestStatus.RECEIVED || status == RequestStatus.QUALIFYING;
      return beforeQualification
          && next().map(question -> Questionnaire.AGE_QUESTION_ID.equals(question.id())).orElse(false);
    }
  }

  /**
   * An answer taken.
   *
   * @param replayed the same answer was stored before; nothing changed
   * @param answerRisk the risk this answer signals
   * @param requestRisk the request's risk level afterwards
   * @param next the question due now; empty when the questionnaire is complete
   */
  public record Answered(
      UUID requestId,
      String questionId,
      boolean replayed,
      RiskLevel answerRisk,
      RiskLevel requestRisk,
      Progress progress,
      Optional<Question> next) {}
}
