package org.lifeline.orchestrator.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedText;

/**
 * The feedback of one case closed as helped: stored when the case closes, before the engine hears of it. Holds the
 * hash of the one-time link's token (never the token), the answer (rating, and the encrypted comment), and how the
 * feedback step ended: {@code outcome} is {@value #ANSWERED} or {@value #NO_FEEDBACK}.
 */
@Entity
class FeedbackRequest {

  static final String ANSWERED = "answered";
  static final String NO_FEEDBACK = "no-feedback";

  @Id private UUID id;

  @Column(nullable = false)
  private UUID requestId;

  private UUID specialistId;

  @Column(nullable = false)
  private Instant caseClosedAt;

  private String engineRun;
  private Long processInstanceKey;
  private Instant nextAttemptAt;

  @Column(nullable = false)
  private int attempts;

  private Instant askedAt;
  private Instant remindedAt;
  private String tokenHash;
  private Instant tokenExpiresAt;
  private Integer rating;

  @Convert(converter = EncryptedText.class)
  private String comment;

  private Instant answeredAt;
  private String answeredBy;
  private Instant answerPublishedAt;
  private Instant nextPublishAt;
  private String commentRisk;
  private String followUp;
  private String followUpOutcome;
  private String outcome;
  private Instant finishedAt;

  @Version private long version;

  protected FeedbackRequest() {}

  FeedbackRequest(UUID requestId, UUID specialistId, Instant caseClosedAt) {
    this.id = UUID.randomUUID();
    this.requestId = requestId;
    this.specialistId = specialistId;
    this.caseClosedAt = caseClosedAt;
    this.nextAttemptAt = caseClosedAt;
  }

  boolean isAnswered() {
    return rating != null;
  }

  boolean isFinished() {
    return finishedAt != null;
  }

  void asked(Instant now) {
    if (askedAt == null) {
      askedAt = now;
    }
  }

  void reminded(Instant now) {
    if (remindedAt == null) {
      remindedAt = now;
    }
  }

  void issueToken(String hash, Instant expiresAt) {
    this.tokenHash = hash;
    this.tokenExpiresAt = expiresAt;
  }

  void answer(int rating, String comment, String actor, Instant now) {
    this.rating = rating;
    this.comment = comment;
    this.answeredBy = actor;
    this.answeredAt = now;
    this.nextPublishAt = now;
  }

  void assessed(String commentRisk, String followUp) {
    this.commentRisk = commentRisk;
    this.followUp = followUp;
  }

  void finish(String followUpOutcome, Instant now) {
    if (finishedAt != null) {
      return;
    }
    this.outcome = isAnswered() ? ANSWERED : NO_FEEDBACK;
    this.followUpOutcome = followUpOutcome;
    this.finishedAt = now;
    this.nextAttemptAt = null;
  }

  void eraseComment() {
    this.comment = null;
  }

  UUID getId() {
    return id;
  }

  UUID getRequestId() {
    return requestId;
  }

  UUID getSpecialistId() {
    return specialistId;
  }

  Instant getCaseClosedAt() {
    return caseClosedAt;
  }

  Instant getAskedAt() {
    return askedAt;
  }

  Instant getRemindedAt() {
    return remindedAt;
  }

  String getTokenHash() {
    return tokenHash;
  }

  Instant getTokenExpiresAt() {
    return tokenExpiresAt;
  }

  Integer getRating() {
    return rating;
  }

  String getComment() {
    return comment;
  }

  Instant getAnsweredAt() {
    return answeredAt;
  }

  String getCommentRisk() {
    return commentRisk;
  }

  String getFollowUp() {
    return followUp;
  }

  String getFollowUpOutcome() {
    return followUpOutcome;
  }

  String getOutcome() {
    return outcome;
  }

  Instant getFinishedAt() {
    return finishedAt;
  }

  Long getProcessInstanceKey() {
    return processInstanceKey;
  }
}
