package org.lifeline.orchestrator.questionnaire;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QuestionnaireAnswerRepository extends JpaRepository<QuestionnaireAnswer, Long> {

  List<QuestionnaireAnswer> findByRequestIdOrderByAnsweredAtAscIdAsc(UUID requestId);

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("delete from QuestionnaireAnswer a where a.requestId in :requestIds and a.questionId in :questionIds")
  int deleteAnswers(@Param("requestIds") Collection<UUID> requestIds, @Param("questionIds") Collection<String> questionIds);
}
