package org.lifeline.orchestrator.questionnaire;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.stereotype.Component;

/**
 * Opens the questionnaire (status {@code QUESTIONNAIRE}) and tells the reminder timer where to count from: the
 * person's last answer as the database knows it ({@code lastAnswerAt}), so a request re-driven after a restart keeps
 * its deadlines. A request re-driven with every required answer already stored is reported complete at once, so it
 * does not wait for an answer that will never come.
 */
@Component
public class StartQuestionnaireWorker {

  private final RequestLifecycle lifecycle;
  private final QuestionnaireService questionnaire;
  private final QuestionnaireMessages messages;

  StartQuestionnaireWorker(
      RequestLifecycle lifecycle, QuestionnaireService questionnaire, QuestionnaireMessages messages) {
    this.lifecycle = lifecycle;
    this.questionnaire = questionnaire;
    this.messages = messages;
  }

  @JobWorker(type = HelpRequestProcess.JOB_START_QUESTIONNAIRE)
  public Map<String, Object> startQuestionnaire(@Variable String requestId) {
    UUID id = UUID.fromString(requestId);
    HelpRequest request = lifecycle.get(id);
    if (!request.getStatus().isFinal()) {
      lifecycle.changeStatus(id, RequestStatus.QUESTIONNAIRE, RequestLifecycle.SYSTEM);
      QuestionnaireService.Sheet sheet = questionnaire.sheet(id);
      if (sheet.progress().complete()) {
        messages.completed(id, sheet.request().getRiskLevel());
      }
    }
    return Map.of(
        Variables.LAST_ANSWER_AT, questionnaire.lastAnswerAt(id).toString(), Variables.REMINDERS_SENT, 0);
  }
}
