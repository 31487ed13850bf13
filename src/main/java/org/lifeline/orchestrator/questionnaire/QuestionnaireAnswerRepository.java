package org.lifeline.orchestrator.questionnaire;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuestionnaireAnswerRepository extends JpaRepository<QuestionnaireAnswer, Long> {

  List<QuestionnaireAnswer> findByRequestIdOrderByAnsweredAtAscIdAsc(UUID requestId);
}
