package org.lifeline.orchestrator.questionnaire;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedColumn;
import org.lifeline.orchestrator.privacy.PersonalDataHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Free-text answers are the person's own words and are erased; closed answers (topic, language,
 * contact time, risk) carry no identity and stay for statistics.
 */
@Configuration(proxyBeanMethods = false)
class QuestionnairePersonalData implements PersonalDataHolder {

  private final QuestionnaireAnswerRepository answers;
  private final List<String> freeTextQuestions;

  QuestionnairePersonalData(QuestionnaireAnswerRepository answers, Questionnaire questionnaire) {
    this.answers = answers;
    this.freeTextQuestions =
        questionnaire.definition().questions().stream()
            .filter(question -> question.type() == QuestionType.TEXT)
            .map(Question::id)
            .toList();
  }

  @Override
  public void erase(UUID contactId, Collection<UUID> requestIds) {
    if (!requestIds.isEmpty() && !freeTextQuestions.isEmpty()) {
      answers.deleteAnswers(requestIds, freeTextQuestions);
    }
  }

  @Bean
  EncryptedColumn questionnaireAnswer() {
    return new EncryptedColumn("questionnaire_answer", "id", "answer");
  }
}
