package org.lifeline.orchestrator.curator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A job-worker user task of the embedded engine, as the platform's inbox keeps it. */
@Entity
@Table(name = "user_task_inbox")
class InboxTask {

  enum State {
    /** Waiting for a person. */
    OPEN,
    /** Completed through the platform. */
    COMPLETED,
    /** Ended by the process (e.g. an interrupting event) without being completed here. */
    GONE,
    /** Belonged to an earlier run of the embedded engine, whose state is lost. */
    STALE
  }

  @Id private Long jobKey;

  @Column(nullable = false)
  private String engineRun;

  @Column(nullable = false)
  private String bpmnProcessId;

  @Column(nullable = false)
  private String elementId;

  private String name;

  @Column(nullable = false)
  private Long processInstanceKey;

  private UUID requestId;

  /** Comma-separated group names. */
  @Column(nullable = false)
  private String candidateGroups;

  private String assignee;
  private String formId;

  /** 0-100, higher first. */
  @Column(nullable = false)
  private int priority;

  private Instant dueDate;

  /** The process variables the task's form shows, as a JSON object (ids, codes, staff names). */
  private String formVariables;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant endedAt;

  @Version private long version;

  protected InboxTask() {}

  InboxTask(
      long jobKey,
      String engineRun,
      String bpmnProcessId,
      String elementId,
      String name,
      long processInstanceKey,
      UUID requestId,
      List<String> candidateGroups,
      String assignee,
      String formId,
      int priority,
      Instant dueDate,
      String formVariables,
      Instant createdAt) {
    this.jobKey = jobKey;
    this.engineRun = engineRun;
    this.bpmnProcessId = bpmnProcessId;
    this.elementId = elementId;
    this.name = name;
    this.processInstanceKey = processInstanceKey;
    this.requestId = requestId;
    this.candidateGroups = String.join(",", candidateGroups);
    this.assignee = assignee;
    this.formId = formId;
    this.priority = priority;
    this.dueDate = dueDate;
    this.formVariables = formVariables;
    this.state = State.OPEN;
    this.createdAt = createdAt;
  }

  CuratorTask toTask() {
    List<String> groups =
        candidateGroups.isEmpty() ? List.of() : Arrays.stream(candidateGroups.split(",")).toList();
    return new CuratorTask(
        String.valueOf(jobKey),
        requestId,
        name,
        elementId,
        bpmnProcessId,
        groups,
        assignee,
        createdAt,
        formId,
        priority,
        dueDate);
  }

  void assign(String username) {
    this.assignee = username;
  }

  void end(State endState, Instant now) {
    this.state = endState;
    this.endedAt = now;
  }

  Long getJobKey() {
    return jobKey;
  }

  State getState() {
    return state;
  }

  String getAssignee() {
    return assignee;
  }

  String getEngineRun() {
    return engineRun;
  }

  String getFormVariables() {
    return formVariables;
  }
}
