package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.audit.AccessAudit;
import org.lifeline.orchestrator.request.RequestNotFoundException;
import org.lifeline.orchestrator.request.RequestQueries;
import org.lifeline.orchestrator.request.RequestView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way people work on user tasks, whichever backend holds them: who may see and do what,
 * form validation, the audit of every action, and free text kept out of the engine.
 */
@Service
public class CuratorTasks {

  private final TaskBackend backend;
  private final TaskModels models;
  private final RequestQueries requests;
  private final TaskAuditRepository audit;
  private final TaskNoteRepository notes;
  private final ObjectMapper json;
  private final Clock clock;

  CuratorTasks(
      TaskBackend backend,
      TaskModels models,
      RequestQueries requests,
      TaskAuditRepository audit,
      TaskNoteRepository notes,
      ObjectMapper json,
      Clock clock) {
    this.backend = backend;
    this.models = models;
    this.requests = requests;
    this.audit = audit;
    this.notes = notes;
    this.json = json;
    this.clock = clock;
  }

  /** Open tasks the caller may see, the most urgent (highest priority) first, then the oldest. */
  public List<CuratorTask> list(Caller caller, TaskQuery query) {
    if (query.candidateGroup() != null && !caller.mayListGroup(query.candidateGroup())) {
      throw new AccessDeniedException("Not a member of " + query.candidateGroup());
    }
    return backend.openTasks(query).stream().filter(caller::maySee).toList();
  }

  /**
   * The open tasks of these requests, whoever they are offered to, most urgent first: for the curators' board, which
   * shows their names, assignees, priorities and due dates (no content). One look at the backend for all of them.
   */
  public Map<UUID, List<CuratorTask>> openTasksOf(Collection<UUID> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    Set<UUID> wanted = Set.copyOf(requestIds);
    return backend.openTasks(new TaskQuery(null, null)).stream()
        .filter(task -> task.requestId() != null && wanted.contains(task.requestId()))
        .collect(Collectors.groupingBy(CuratorTask::requestId, LinkedHashMap::new, Collectors.toList()));
  }

  public TaskDetail get(Caller caller, String taskId) {
    CuratorTask task = visible(caller, taskId);
    JsonNode form = models.form(task.formId()).orElse(null);
    Map<String, Object> formVariables = backend.variables(task, models.formInputs(task.formId()));
    if (task.requestId() == null) {
      return new TaskDetail(task, form, formVariables, null, List.of());
    }
    try {
      RequestView request = requests.view(task.requestId());
      return new TaskDetail(task, form, formVariables, request, requests.viewsOfContact(request.contactId()));
    } catch (RequestNotFoundException unknownRequest) {
      return new TaskDetail(task, form, formVariables, null, List.of());
    }
  }

  @Transactional
  public void claim(Caller caller, String taskId) {
    CuratorTask task = visible(caller, taskId);
    if (task.isAssignedTo(caller.username())) {
      return;
    }
    if (task.assignee() != null) {
      throw new TaskConflictException("The task is claimed by " + task.assignee());
    }
    backend.claim(taskId, caller.username());
    record(caller, TaskAction.CLAIMED, task, null);
  }

  @Transactional
  public void unclaim(Caller caller, String taskId) {
    CuratorTask task = visible(caller, taskId);
    if (task.assignee() == null) {
      return;
    }
    if (!task.isAssignedTo(caller.username()) && !caller.isAdmin()) {
      throw new TaskConflictException("The task is claimed by " + task.assignee());
    }
    backend.unclaim(taskId);
    record(caller, TaskAction.UNCLAIMED, task, null);
  }

  /**
   * Validates the values against the task's form (options from a variable against the task's own variables), keeps
   * free text in the database and completes the task with the rest. Invalid values complete nothing.
   */
  @Transactional
  public void complete(Caller caller, String taskId, Map<String, Object> values) {
    CuratorTask task = visible(caller, taskId);
    if (!task.isAssignedTo(caller.username())) {
      throw new TaskConflictException(
          task.assignee() == null ? "Claim the task before completing it" : "The task is claimed by " + task.assignee());
    }
    JsonNode schema = models.form(task.formId()).orElseGet(json::createObjectNode);
    FormValidator.ValidatedForm form =
        FormValidator.validate(schema, values, backend.variables(task, models.formInputs(task.formId())));
    form.notes().forEach((field, text) -> notes.save(new TaskNote(clock.instant(), caller.username(), task, field, text)));
    record(caller, TaskAction.COMPLETED, task, toJson(form.variables()));
    backend.complete(taskId, form.variables());
  }

  private CuratorTask visible(Caller caller, String taskId) {
    CuratorTask task = backend.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    AccessAudit.concernsRequest(task.requestId());
    if (!caller.maySee(task)) {
      throw new AccessDeniedException("Task " + taskId + " is not for " + caller.username());
    }
    return task;
  }

  private void record(Caller caller, TaskAction action, CuratorTask task, String detail) {
    audit.save(new TaskAuditEntry(clock.instant(), caller.username(), action, task, detail));
  }

  private String toJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Form values cannot be written as JSON", e);
    }
  }
}
