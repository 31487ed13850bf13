package org.lifeline.orchestrator.questionnaire;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * The questionnaire's reminder timer fired (bpmn/help-request.bpmn, {@code Timer_ReminderDue}: counted from
 * {@code lastAnswerAt}, its duration picked by {@code remindersSent}). Asks the database for the person's last answer:
 *
 * <ul>
 *   <li>answered since the timer was set: counts again from that answer ({@code lastAnswerAt} moves on,
 *       {@code remindersSent} 0), so the timer waits for the new due date;
 *   <li>otherwise, after the last reminder ({@value #REMINDERS} sent): the request is abandoned (BPMN error
 *       {@value HelpRequestProcess#ERROR_QUESTIONNAIRE_ABANDONED});
 *   <li>otherwise the reminder that fell due is sent and counted. Never after the questionnaire is complete or the
 *       request left it, and once per reminder: the dedup key names the reminder and how many answers there were, so a
 *       redelivered job or a re-driven process sends nothing twice, while a person who answers and goes quiet again is
 *       reminded again.
 * </ul>
 */
@Component
public class SendQuestionnaireReminderWorker {

  static final String TEMPLATE = "questionnaire-reminder";
  /** Reminders before the request counts as abandoned: the timer's durations are these and then the last one. */
  static final int REMINDERS = 2;

  private final QuestionnaireService questionnaire;
  private final Notifications notifications;

  SendQuestionnaireReminderWorker(QuestionnaireService questionnaire, Notifications notifications) {
    this.questionnaire = questionnaire;
    this.notifications = notifications;
  }

  @JobWorker(type = HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)
  public Map<String, Object> sendQuestionnaireReminder(
      @Variable String requestId, @Variable String lastAnswerAt, @Variable int remindersSent) {
    UUID id = UUID.fromString(requestId);
    Instant lastAnswer = questionnaire.lastAnswerAt(id);
    if (lastAnswer.isAfter(Instant.parse(lastAnswerAt))) {
      return Map.of(Variables.LAST_ANSWER_AT, lastAnswer.toString(), Variables.REMINDERS_SENT, 0);
    }
    if (remindersSent >= REMINDERS) {
      throw CamundaError.bpmnError(
          HelpRequestProcess.ERROR_QUESTIONNAIRE_ABANDONED, "No answer since " + lastAnswerAt + " after " + REMINDERS + " reminders");
    }
    int reminder = remindersSent + 1;
    questionnaire
        .reminderRound(id)
        .ifPresent(answered -> notifications.enqueue(id, TEMPLATE, dedupKey(reminder, answered)));
    return Map.of(Variables.REMINDERS_SENT, reminder);
  }

  static String dedupKey(int reminderNumber, int answeredCount) {
    return TEMPLATE + "-" + reminderNumber + "-after-" + answeredCount + "-answers";
  }
}
