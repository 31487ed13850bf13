package org.lifeline.orchestrator.questionnaire;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.stereotype.Component;

/**
 * Reminds a person who stopped answering. Never after the questionnaire is complete or the request left it, and once
 * per timer: the dedup key names the reminder and how many answers there were, so a redelivered job or a re-driven
 * process sends nothing twice, while a person who answers and goes quiet again is reminded again.
 */
@Component
public class SendQuestionnaireReminderWorker {

  static final String TEMPLATE = "questionnaire-reminder";

  private final QuestionnaireService questionnaire;
  private final Notifications notifications;

  SendQuestionnaireReminderWorker(QuestionnaireService questionnaire, Notifications notifications) {
    this.questionnaire = questionnaire;
    this.notifications = notifications;
  }

  @JobWorker(type = HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)
  public void sendQuestionnaireReminder(@Variable String requestId, @Variable int reminderNumber) {
    UUID id = UUID.fromString(requestId);
    Optional<Integer> answered = questionnaire.reminderRound(id);
    answered.ifPresent(count -> notifications.enqueue(id, TEMPLATE, dedupKey(reminderNumber, count)));
  }

  static String dedupKey(int reminderNumber, int answeredCount) {
    return TEMPLATE + "-" + reminderNumber + "-after-" + answeredCount + "-answers";
  }
}
