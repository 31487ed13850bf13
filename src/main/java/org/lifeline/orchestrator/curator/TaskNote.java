package org.lifeline.orchestrator.curator;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedText;

/** Free text a person typed into a task form: sensitive, kept here and never sent to the engine. */
@Entity
@Table(name = "user_task_note")
public class TaskNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String author;

  @Column(nullable = false)
  private String taskId;

  private UUID requestId;

  @Column(nullable = false)
  private String field;

  /** What the curator wrote about the person: encrypted at rest. */
  @Convert(converter = EncryptedText.class)
  @Column(nullable = false)
  private String content;

  protected TaskNote() {}

  TaskNote(Instant at, String author, CuratorTask task, String field, String content) {
    this.at = at;
    this.author = author;
    this.taskId = task.id();
    this.requestId = task.requestId();
    this.field = field;
    this.content = content;
  }

  public String getAuthor() {
    return author;
  }

  public String getTaskId() {
    return taskId;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public String getField() {
    return field;
  }

  public String getContent() {
    return content;
  }
}
