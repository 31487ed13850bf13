package org.lifeline.orchestrator.questionnaire;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedText;

/** One stored answer of a request's questionnaire (sensitive: it never goes to the engine). */
@Entity
public class QuestionnaireAnswer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private String questionId;

  /** The normalised value; {@link Questionnaire#SKIPPED} for a skipped optional question. Encrypted at rest. */
  @Convert(converter = EncryptedText.class)
  @Column(nullable = false)
  private String answer;

  @Column(nullable = false)
  private String questionnaireId;

  @Column(nullable = false)
  private int questionnaireVersion;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private Instant answeredAt;

  protected QuestionnaireAnswer() {}

  QuestionnaireAnswer(
      UUID requestId, String questionId, String answer, QuestionnaireDefinition definition, String actor, Instant at) {
    this.requestId = requestId;
    this.questionId = questionId;
    this.answer = answer;
    this.questionnaireId = definition.id();
    this.questionnaireVersion = definition.version();
    this.actor = actor;
    this.answeredAt = at;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public String getQuestionId() {
    return questionId;
  }

  public String getAnswer() {
    return answer;
  }

  public int getQuestionnaireVersion() {
    return questionnaireVersion;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }
}
