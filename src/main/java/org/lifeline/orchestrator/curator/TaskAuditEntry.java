package org.lifeline.orchestrator.curator;

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

/** Who did what to which task, and when. Append-only. */
@Entity
@Table(name = "user_task_audit")
public class TaskAuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TaskAction action;

  @Column(nullable = false)
  private String taskId;

  private String elementId;
  private UUID requestId;

  /** The values passed to the engine on completion (codes, booleans, numbers), as JSON. */
  private String detail;

  protected TaskAuditEntry() {}

  TaskAuditEntry(Instant at, String actor, TaskAction action, CuratorTask task, String detail) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.taskId = task.id();
    this.elementId = task.elementId();
    this.requestId = task.requestId();
    this.detail = detail;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public TaskAction getAction() {
    return action;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getElementId() {
    return elementId;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public String getDetail() {
    return detail;
  }
}
