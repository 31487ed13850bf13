package org.lifeline.orchestrator.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.exception.BpmnError;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;

/** What the reminder timer's worker does with the last answer the database knows. */
class SendQuestionnaireReminderWorkerTest {

  private static final UUID ID = UUID.randomUUID();
  private static final Instant COUNTED_FROM = Instant.parse("2026-12-01T10:00:00Z");

  private final QuestionnaireService questionnaire = mock(QuestionnaireService.class);
  private final Notifications notifications = mock(Notifications.class);
  private final SendQuestionnaireReminderWorker worker = new SendQuestionnaireReminderWorker(questionnaire, notifications);

  @BeforeEach
  void setUp() {
    when(questionnaire.lastAnswerAt(ID)).thenReturn(COUNTED_FROM);
    when(questionnaire.reminderRound(ID)).thenReturn(Optional.of(3));
  }

  @Test
  void anAnswerSinceTheTimerWasSetMakesTheRemindersCountFromItAndSendsNothing() {
    Instant answered = COUNTED_FROM.plusSeconds(4000);
    when(questionnaire.lastAnswerAt(ID)).thenReturn(answered);

    assertThat(worker.sendQuestionnaireReminder(ID.toString(), COUNTED_FROM.toString(), 1))
        .containsEntry(Variables.LAST_ANSWER_AT, answered.toString())
        .containsEntry(Variables.REMINDERS_SENT, 0);
    verify(notifications, never()).enqueue(any(), anyString(), anyString());
  }

  @Test
  void withoutAnAnswerTheDueReminderIsSentOncePerProgressAndCounted() {
    assertThat(worker.sendQuestionnaireReminder(ID.toString(), COUNTED_FROM.toString(), 0))
        .containsOnlyKeys(Variables.REMINDERS_SENT)
        .containsEntry(Variables.REMINDERS_SENT, 1);
    verify(notifications).enqueue(ID, SendQuestionnaireReminderWorker.TEMPLATE, "questionnaire-reminder-1-after-3-answers");

    assertThat(worker.sendQuestionnaireReminder(ID.toString(), COUNTED_FROM.toString(), 1))
        .containsEntry(Variables.REMINDERS_SENT, 2);
    verify(notifications).enqueue(ID, SendQuestionnaireReminderWorker.TEMPLATE, "questionnaire-reminder-2-after-3-answers");
  }

  @Test
  void aQuestionnaireThatIsNoLongerOpenGetsNoReminder() {
    when(questionnaire.reminderRound(ID)).thenReturn(Optional.empty());

    assertThat(worker.sendQuestionnaireReminder(ID.toString(), COUNTED_FROM.toString(), 0)).containsEntry(Variables.REMINDERS_SENT, 1);
    verify(notifications, never()).enqueue(any(), anyString(), anyString());
  }

  @Test
  void silenceAfterTheLastReminderAbandonsTheRequest() {
    assertThatThrownBy(() -> worker.sendQuestionnaireReminder(ID.toString(), COUNTED_FROM.toString(), 2))
        .isInstanceOfSatisfying(
            BpmnError.class, error -> assertThat(error.getErrorCode()).isEqualTo(HelpRequestProcess.ERROR_QUESTIONNAIRE_ABANDONED));
    verify(notifications, never()).enqueue(any(), anyString(), anyString());
  }
}
