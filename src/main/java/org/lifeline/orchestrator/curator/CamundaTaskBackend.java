package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A real Camunda 8.8 cluster: user tasks live in the cluster (the same tasks curators see in
 * Tasklist) and are searched, assigned and completed through the Orchestration Cluster REST API.
 * The client needs {@code camunda.client.rest-address}.
 */
@Component
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "camunda")
class CamundaTaskBackend implements TaskBackend {

  /** Enough for one inbox page; older tasks show up as the first ones are done. */
  static final int PAGE_SIZE = 200;

  private final CamundaClient client;
  private final TaskModels models;
  private final ObjectMapper json;

  CamundaTaskBackend(CamundaClient client, TaskModels models, ObjectMapper json) {
    this.client = client;
    this.models = models;
    this.json = json;
  }

  @Override
  public List<CuratorTask> openTasks(TaskQuery query) {
    List<UserTask> found =
        client
            .newUserTaskSearchRequest()
            .filter(
                filter -> {
                  filter.state(UserTaskState.CREATED);
                  if (query.candidateGroup() != null) {
                    filter.candidateGroup(query.candidateGroup());
                  }
                  if (query.assignee() != null) {
                    filter.assignee(query.assignee());
                  }
                  if (query.requestId() != null) {
                    // Values are compared as the engine keeps them: JSON.
                    filter.processInstanceVariables(Map.of(Variables.REQUEST_ID, jsonString(query.requestId())));
                  }
                })
            .sort(sort -> sort.priority().desc().creationDate().asc())
            .page(page -> page.limit(PAGE_SIZE))
            .send()
            .join()
            .items();
    Map<Long, UUID> requestIds = requestIds(found.stream().map(UserTask::getProcessInstanceKey).distinct().toList());
    return found.stream().map(task -> toTask(task, requestIds.get(task.getProcessInstanceKey()))).toList();
  }

  @Override
  public Optional<CuratorTask> find(String taskId) {
    Optional<Long> key = EmbeddedTaskBackend.parseKey(taskId);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    UserTask task;
    try {
      task = client.newUserTaskGetRequest(key.get()).send().join();
    } catch (ClientHttpException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    if (task == null || task.getState() != UserTaskState.CREATED) {
      return Optional.empty();
    }
    return Optional.of(toTask(task, requestIds(List.of(task.getProcessInstanceKey())).get(task.getProcessInstanceKey())));
  }

  @Override
  public Map<String, Object> variables(CuratorTask task, Set<String> names) {
    Map<String, Object> values = new HashMap<>();
    if (names.isEmpty()) {
      return values;
    }
    List<Variable> found =
        client
            .newUserTaskVariableSearchRequest(key(task.id()))
            .filter(filter -> filter.name(name -> name.in(List.copyOf(names))))
            .page(page -> page.limit(names.size() * 4))
            .withFullValues()
            .send()
            .join()
            .items();
    for (Variable variable : found) {
      boolean local = variable.getScopeKey() != null && !variable.getScopeKey().equals(variable.getProcessInstanceKey());
      if (values.containsKey(variable.getName()) && !local) {
        continue; // a variable of the task's own scope shadows the process's
      }
      try {
        values.put(variable.getName(), json.readValue(variable.getValue(), Object.class));
      } catch (IOException e) {
        throw new IllegalStateException("Unreadable variable " + variable.getName() + " of task " + task.id(), e);
      }
    }
    return values;
  }

  @Override
  public void claim(String taskId, String username) {
    send(taskId, () -> client.newAssignUserTaskCommand(key(taskId)).assignee(username).allowOverride(false).send().join());
  }

  @Override
  public void unclaim(String taskId) {
    send(taskId, () -> client.newUnassignUserTaskCommand(key(taskId)).send().join());
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    send(taskId, () -> client.newCompleteUserTaskCommand(key(taskId)).variables(variables).send().join());
  }

  private static void send(String taskId, Supplier<?> command) {
    try {
      command.get();
    } catch (ClientHttpException e) {
      switch (e.code()) {
        case 404 -> throw new TaskNotFoundException(taskId);
        case 409 -> throw new TaskConflictException("The task is claimed by someone else or is being changed");
        default -> throw e;
      }
    }
  }

  private static long key(String taskId) {
    return EmbeddedTaskBackend.parseKey(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
  }

  /** The {@code requestId} of each process instance, in one search. */
  private Map<Long, UUID> requestIds(List<Long> processInstanceKeys) {
    Map<Long, UUID> ids = new HashMap<>();
    if (processInstanceKeys.isEmpty()) {
      return ids;
    }
    List<Variable> variables =
        client
            .newVariableSearchRequest()
            .filter(filter -> filter.name(Variables.REQUEST_ID).processInstanceKey(key -> key.in(processInstanceKeys)))
            .page(page -> page.limit(processInstanceKeys.size() * 2))
            .send()
            .join()
            .items();
    for (Variable variable : variables) {
      // The process-level variable, not a local one of the same name.
      if (variable.getScopeKey() != null && variable.getScopeKey().equals(variable.getProcessInstanceKey())) {
        parseUuid(variable.getValue()).ifPresent(id -> ids.put(variable.getProcessInstanceKey(), id));
      }
    }
    return ids;
  }

  private String jsonString(UUID requestId) {
    try {
      return json.writeValueAsString(requestId.toString());
    } catch (IOException e) {
      throw new IllegalStateException("A UUID is always JSON", e);
    }
  }

  /** Variable values come as JSON ({@code "\"3f1c...\""}). */
  private Optional<UUID> parseUuid(String jsonValue) {
    try {
      return Optional.of(UUID.fromString(json.readValue(jsonValue, String.class)));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private CuratorTask toTask(UserTask task, UUID requestId) {
    String formId =
        models.task(task.getBpmnProcessId(), task.getElementId()).map(TaskModels.UserTaskDefinition::formId).orElse(null);
    return new CuratorTask(
        String.valueOf(task.getUserTaskKey()),
        requestId,
        task.getName() != null ? task.getName() : task.getElementId(),
        task.getElementId(),
        task.getBpmnProcessId(),
        task.getCandidateGroups(),
        task.getAssignee(),
        task.getCreationDate() == null ? null : task.getCreationDate().toInstant(),
        formId,
        task.getPriority() == null ? UserTaskAdaptation.DEFAULT_PRIORITY : task.getPriority(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }
}
