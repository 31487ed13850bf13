package org.lifeline.orchestrator.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Channel;

/** A request for help: the system of record for where it stands; the engine only drives it. */
@Entity
public class HelpRequest {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RequestStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RiskLevel riskLevel;

  /** Served first by assignment: set when a supervisor lets a request continue after an escalation. */
  private boolean priority;

  private Integer statedAge;
  private String language;

  private Long processInstanceKey;
  private String engineRun;
  private Instant dispatchNotBefore;

  /** The integrator that brought the request (null: staff, the public web form, the Telegram bot). */
  private String integrator;

  /** Who the idempotency key belongs to: the same key from two callers makes two requests. */
  private String idempotencyScope;

  private String idempotencyKey;
  private String idempotencyFingerprint;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  /** When the request entered its current status (the board's "waiting since"). */
  @Column(nullable = false)
  private Instant statusChangedAt;

  @Version private long version;

  protected HelpRequest() {}

  public HelpRequest(UUID contactId, Channel channel, Integer statedAge, String language, Instant now) {
    this.id = UUID.randomUUID();
    this.contactId = contactId;
    this.channel = channel;
    this.statedAge = statedAge;
    this.language = language;
    this.status = RequestStatus.RECEIVED;
    this.riskLevel = RiskLevel.NONE;
    this.createdAt = now;
    this.updatedAt = now;
    this.statusChangedAt = now;
  }

  public void rememberIntegrator(String integrator) {
    this.integrator = integrator;
  }

  public void rememberIdempotencyKey(String scope, String key, String fingerprint) {
    this.idempotencyScope = scope;
    this.idempotencyKey = key;
    this.idempotencyFingerprint = fingerprint;
  }

  void changeStatus(RequestStatus newStatus, Instant now) {
    this.status = newStatus;
    this.updatedAt = now;
    this.statusChangedAt = now;
  }

  void stateAge(int age, Instant now) {
    this.statedAge = age;
    this.updatedAt = now;
  }

  void raiseRisk(RiskLevel level, Instant now) {
    this.riskLevel = riskLevel.max(level);
    this.updatedAt = now;
  }

  void prioritise(Instant now) {
    this.priority = true;
    this.updatedAt = now;
  }

  void processStarted(long processInstanceKey, String engineRun, Instant now) {
    this.processInstanceKey = processInstanceKey;
    this.engineRun = engineRun;
    this.dispatchNotBefore = null;
    this.updatedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public UUID getContactId() {
    return contactId;
  }

  public Channel getChannel() {
    return channel;
  }

  public RequestStatus getStatus() {
    return status;
  }

  public RiskLevel getRiskLevel() {
    return riskLevel;
  }

  public boolean isPriority() {
    return priority;
  }

  public Integer getStatedAge() {
    return statedAge;
  }

  public String getLanguage() {
    return language;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getEngineRun() {
    return engineRun;
  }

  public String getIntegrator() {
    return integrator;
  }

  public String getIdempotencyFingerprint() {
    return idempotencyFingerprint;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getStatusChangedAt() {
    return statusChangedAt;
  }
}
