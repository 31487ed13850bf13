package org.lifeline.orchestrator.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.escalation.EscalationSignals;
import org.lifeline.orchestrator.escalation.SignalSource;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The questionnaire's service rules, without database or engine. */
class QuestionnaireServiceTest {

  private static final UUID ID = UUID.randomUUID();

  private final Questionnaire questionnaire = new Questionnaire(new QuestionnaireDefinitionLoader().loadShipped());
  private final QuestionnaireAnswerRepository answers = mock(QuestionnaireAnswerRepository.class);
  private final RequestLifecycle lifecycle = mock(RequestLifecycle.class);
  private final EscalationSignals signals = mock(EscalationSignals.class);
  private final HelpRequest request = mock(HelpRequest.class);
  private final List<QuestionnaireAnswer> stored = new ArrayList<>();
  private QuestionnaireService service;

  @BeforeEach
  void setUp() {
    service = new QuestionnaireService(questionnaire, answers, lifecycle, signals, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    when(lifecycle.get(ID)).thenReturn(request);
    when(request.getId()).thenReturn(ID);
    when(request.getRiskLevel()).thenReturn(RiskLevel.NONE);
    when(answers.findByRequestIdOrderByAnsweredAtAscIdAsc(ID)).thenReturn(stored);
    when(answers.save(any())).thenAnswer(call -> {
      stored.add(call.getArgument(0));
      return call.getArgument(0);
    });
    inStatus(RequestStatus.QUESTIONNAIRE, 30);
  }

  @Test
  void storesAValidAnswerAndNamesTheNextQuestion() {
    QuestionnaireService.Answered answered = service.answer(ID, "topic", "Тревога, страх или паника", "ru", "bot");

    assertThat(answered.replayed()).isFalse();
    assertThat(answered.next()).map(Question::id).contains("topicDetails");
    assertThat(stored).singleElement().satisfies(answer -> {
      assertThat(answer.getQuestionId()).isEqualTo("topic");
      assertThat(answer.getAnswer()).isEqualTo("anxiety");
      assertThat(answer.getQuestionnaireVersion()).isEqualTo(1);
    });
  }

  @Test
  void anInvalidAnswerIsRefusedWithTheQuestionAgain() {
    assertThatThrownBy(() -> service.answer(ID, "topic", "the weather", "en", "bot"))
        .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
          assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(problem.getBody().getProperties()).containsKey("question");
          assertThat(((QuestionView) problem.getBody().getProperties().get("question")).id()).isEqualTo("topic");
        });
    assertThat(stored).isEmpty();
  }

  @Test
  void onlyTheQuestionDueNowIsAnswered() {
    assertThatThrownBy(() -> service.answer(ID, "contactTime", "morning", "en", "bot"))
        .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
          assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(((QuestionView) problem.getBody().getProperties().get("question")).id()).isEqualTo("topic");
        });
  }

  @Test
  void theSameAnswerAgainIsAReplayAndAnotherAnswerIsAConflict() {
    service.answer(ID, "topic", "grief", "en", "bot");

    assertThat(service.answer(ID, "topic", "GRIEF", "en", "bot").replayed()).isTrue();
    assertThat(stored).hasSize(1);
    assertThatThrownBy(() -> service.answer(ID, "topic", "anxiety", "en", "bot"))
        .isInstanceOfSatisfying(ErrorResponseException.class, problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
  }

  /** The first call stored the answer and told the engine, but its caller saw a 5xx and sends it again. */
  @Test
  void theFinalAnswerSentAgainAfterTheFlowMovedOnIsAReplayThatTellsTheEngineNothing() {
    for (String[] answer : new String[][] {
      {"topic", "grief"}, {"topicDetails", ""}, {"safetyThoughts", "no"}, {"safetyImmediate", "no"}, {"language", "en"},
      {"contactTime", "any"}
    }) {
      service.answer(ID, answer[0], answer[1], "en", "bot");
    }
    inStatus(RequestStatus.AWAITING_ASSIGNMENT, 30);

    QuestionnaireService.Answered again = service.answer(ID, "contactTime", "Any time", "en", "bot");

    assertThat(again.replayed()).isTrue();
    assertThat(again.progress().complete()).isTrue();
    assertThat(again.flowWaitsForIt()).isFalse();
    assertThat(stored).hasSize(6);
    assertThatThrownBy(() -> service.answer(ID, "contactTime", "morning", "en", "bot"))
        .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
          assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(problem.getBody().getProperties()).containsEntry("requestStatus", "AWAITING_ASSIGNMENT");
        });
  }

  @Test
  void anAnswerSentAgainWhileTheEngineWasNotToldIsAReplayThatTellsItAgain() {
    inStatus(RequestStatus.QUALIFYING, null);
    service.answer(ID, "age", "27", "en", "bot");

    QuestionnaireService.Answered again = service.answer(ID, "age", "27", "en", "bot");

    assertThat(again.replayed()).isTrue();
    assertThat(again.flowWaitsForIt()).isTrue();
  }

  @Test
  void aRiskyAnswerRaisesAnEscalationSignalWithTheAnswerAsACode() {
    service.answer(ID, "topic", "grief", "en", "bot");
    service.answer(ID, "topicDetails", "", "en", "bot");
    when(request.getRiskLevel()).thenReturn(RiskLevel.HIGH);

    QuestionnaireService.Answered answered = service.answer(ID, "safetyThoughts", "often", "en", "bot");

    assertThat(answered.answerRisk()).isEqualTo(RiskLevel.HIGH);
    assertThat(answered.requestRisk()).isEqualTo(RiskLevel.HIGH);
    verify(signals).raise(ID, RiskLevel.HIGH, SignalSource.QUESTIONNAIRE, "safetyThoughts:often", "bot");
  }

  @Test
  void anAnswerWithoutRiskRaisesNoSignal() {
    service.answer(ID, "topic", "grief", "en", "bot");

    verifyNoInteractions(signals);
  }

  @Test
  void whileTheAgeIsUnknownOnlyTheAgeQuestionIsOpenAndItsAnswerBecomesTheStatedAge() {
    inStatus(RequestStatus.QUALIFYING, null);

    assertThat(service.openSheet(ID).next()).map(Question::id).contains("age");
    service.answer(ID, "age", "27", "en", "bot");

    verify(lifecycle).recordStatedAge(ID, 27);
    assertThatThrownBy(() -> service.answer(ID, "topic", "grief", "en", "bot"))
        .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
          assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(problem.getBody().getProperties()).containsEntry("requestStatus", "QUALIFYING");
          assertThat(problem.getBody().getStatus()).isEqualTo(409);
        });
  }

  @Test
  void aClosedRequestTakesNoAnswersAndGetsNoReminders() {
    inStatus(RequestStatus.ABANDONED, 30);

    assertThatThrownBy(() -> service.answer(ID, "topic", "grief", "en", "bot"))
        .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
          assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(problem.getBody().getDetail()).contains("new request");
        });
    assertThat(service.reminderRound(ID)).isEmpty();
    verify(answers, never()).save(any());
  }

  @Test
  void remindersCountTheAnswersSoEachRoundIsRemindedOnce() {
    assertThat(service.reminderRound(ID)).contains(0);
    service.answer(ID, "topic", "grief", "en", "bot");
    assertThat(service.reminderRound(ID)).contains(1);
    assertThat(SendQuestionnaireReminderWorker.dedupKey(1, 1)).isNotEqualTo(SendQuestionnaireReminderWorker.dedupKey(1, 0));
  }

  @Test
  void aCompleteQuestionnaireGetsNoReminders() {
    for (String[] answer : new String[][] {
      {"topic", "grief"}, {"topicDetails", ""}, {"safetyThoughts", "no"}, {"safetyImmediate", "no"}, {"language", "en"}
    }) {
      service.answer(ID, answer[0], answer[1], "en", "bot");
    }
    QuestionnaireService.Answered last = service.answer(ID, "contactTime", "any", "en", "bot");

    assertThat(last.progress().complete()).isTrue();
    assertThat(last.next()).isEmpty();
    assertThat(service.reminderRound(ID)).isEmpty();
  }

  @Test
  void remindersCountFromTheLastAnswerOrFromWhenTheQuestionnaireOpened() {
    Instant opened = Instant.parse("2026-12-01T10:00:00Z");
    when(lifecycle.enteredStatusAt(ID, RequestStatus.QUESTIONNAIRE)).thenReturn(Optional.of(opened));
    assertThat(service.lastAnswerAt(ID)).as("nothing answered yet").isEqualTo(opened);

    stored.add(stored("age", "30", opened.minusSeconds(600)));
    assertThat(service.lastAnswerAt(ID)).as("the age was answered before the questionnaire opened").isEqualTo(opened);

    stored.add(stored("topic", "grief", Instant.parse("2026-12-01T10:30:00.123456789Z")));
    assertThat(service.lastAnswerAt(ID)).as("in milliseconds, as timers count").isEqualTo(Instant.parse("2026-12-01T10:30:00.123Z"));
  }

  @Test
  void whileOnlyTheAgeIsAskedRemindersCountFromIntake() {
    inStatus(RequestStatus.QUALIFYING, null);
    Instant intake = Instant.parse("2026-12-01T09:00:00Z");
    when(request.getCreatedAt()).thenReturn(intake);
    when(lifecycle.enteredStatusAt(ID, RequestStatus.QUESTIONNAIRE)).thenReturn(Optional.empty());

    assertThat(service.lastAnswerAt(ID)).isEqualTo(intake);
  }

  private QuestionnaireAnswer stored(String questionId, String value, Instant at) {
    return new QuestionnaireAnswer(ID, questionId, value, questionnaire.definition(), "bot", at);
  }

  private void inStatus(RequestStatus status, Integer statedAge) {
    when(request.getStatus()).thenReturn(status);
    when(request.getStatedAge()).thenReturn(statedAge);
  }
}
