package org.lifeline.orchestrator.questionnaire;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.engine.PublishesMessages;
import org.lifeline.orchestrator.request.HelpRequestProcess.Messages;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Tells the engine the two answers that move the flow: the age asked before qualification, and the last required
 * answer. Any other answer only goes to the database; the reminder timer reads the last answer's time from there when
 * it fires. Risk answers are raised as escalation signals with the answer itself. Ids and levels only. Every message
 * has a message id, so sending it again (a retried answer) is harmless.
 */
@Component
@PublishesMessages({Messages.AGE_STATED, Messages.QUESTIONNAIRE_COMPLETED})
public class QuestionnaireMessages {

  private final CamundaClient client;

  QuestionnaireMessages(CamundaClient client) {
    this.client = client;
  }

  /** Tells the engine about the answer if it moves the flow; most answers are no news to it. */
  void announce(QuestionnaireService.Answered answered) {
    String requestId = answered.requestId().toString();
    if (answered.progress().complete()) {
      completed(answered.requestId(), answered.requestRisk());
    } else if (Questionnaire.AGE_QUESTION_ID.equals(answered.questionId())) {
      publish(Messages.AGE_STATED, requestId, "age:" + requestId, Messages.AGE_STATED_TIME_TO_LIVE, Map.of());
    }
  }

  /** Every required answer is stored: the process moves on. */
  public void completed(UUID requestId, RiskLevel risk) {
    publish(
        Messages.QUESTIONNAIRE_COMPLETED,
        requestId.toString(),
        "completed:" + requestId,
        Messages.COMPLETED_TIME_TO_LIVE,
        Map.of(Variables.RISK_LEVEL, risk.name()));
  }

  private void publish(
      String name, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(name)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(timeToLive)
          .variables(variables)
          .send()
          .join();
    } catch (ClientStatusException e) {
      // The same message is still waiting in the engine: it was published before, which is all we want.
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
