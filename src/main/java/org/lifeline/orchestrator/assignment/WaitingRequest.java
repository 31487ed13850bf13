package org.lifeline.orchestrator.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/** A request that no specialist could take yet, with what it needs. */
@Entity
public class WaitingRequest {

  @Id private UUID requestId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RiskLevel riskLevel;

  /** {@code riskLevel} as a number (HIGH highest), so the queue order is an index scan. */
  @Column(nullable = false)
  private int riskPriority;

  /** Flagged as priority by an escalation: waits ahead of every request that is not. */
  @Column(nullable = false)
  private boolean priority;

  @Column(nullable = false)
  private String language;

  private String topic;

  @Enumerated(EnumType.STRING)
  private AgeGroup ageGroup;

  @Column(nullable = false)
  private Instant waitingSince;

  protected WaitingRequest() {}

  WaitingRequest(UUID requestId, MatchCriteria criteria, boolean priority) {
    this.requestId = requestId;
    this.waitingSince = criteria.now();
    update(criteria, priority);
  }

  /** Takes the latest needs; the place in the queue is kept, and neither the risk nor the priority drops. */
  void update(MatchCriteria criteria, boolean priority) {
    this.priority = this.priority || priority;
    this.riskLevel = riskLevel == null ? criteria.riskLevel() : riskLevel.max(criteria.riskLevel());
    this.riskPriority = riskLevel.ordinal();
    this.language = criteria.language();
    this.topic = criteria.topic();
    this.ageGroup = criteria.ageGroup();
  }

  public UUID getRequestId() {
    return requestId;
  }

  public RiskLevel getRiskLevel() {
    return riskLevel;
  }

  public boolean isPriority() {
    return priority;
  }

  public String getLanguage() {
    return language;
  }

  public String getTopic() {
    return topic;
  }

  public AgeGroup getAgeGroup() {
    return ageGroup;
  }

  public Instant getWaitingSince() {
    return waitingSince;
  }
}
