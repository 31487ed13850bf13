package org.lifeline.orchestrator.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One access: who, what (the route, never content), when, about which ids. Append-only. */
@Entity
@Table(name = "access_audit")
public class AccessAuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AccessKind kind;

  @Column(nullable = false)
  private String action;

  private UUID requestId;

  /** The ids in the path, e.g. {@code taskId=2251799813685302}. */
  private String subject;

  @Column(nullable = false)
  private int status;

  protected AccessAuditEntry() {}

  AccessAuditEntry(Instant at, String actor, AccessKind kind, String action, UUID requestId, String subject, int status) {
    this.at = at;
    this.actor = actor;
    this.kind = kind;
    this.action = action;
    this.requestId = requestId;
    this.subject = subject;
    this.status = status;
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public AccessKind getKind() {
    return kind;
  }

  public String getAction() {
    return action;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public String getSubject() {
    return subject;
  }

  public int getStatus() {
    return status;
  }
}
