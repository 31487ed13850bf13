package org.lifeline.orchestrator.questionnaire;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The questionnaire in use: the shipped definition, checked at startup (a broken file stops the platform). */
@Configuration
class QuestionnaireConfiguration {

  @Bean
  Questionnaire questionnaire() {
    return new Questionnaire(new QuestionnaireDefinitionLoader().loadShipped());
  }
}
