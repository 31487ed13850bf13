package org.lifeline.orchestrator.curator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.request.UserTaskSearchRequest;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.api.search.sort.UserTaskSort;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * The cluster backend against a mocked CamundaClient: no Camunda cluster can run here, so this
 * checks the mapping and the calls, not the cluster's behaviour.
 */
class CamundaTaskBackendTest {

  CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
  TaskModels models = mock(TaskModels.class);
  CamundaTaskBackend backend;

  @BeforeEach
  void setUp() {
    backend = new CamundaTaskBackend(client, models, new ObjectMapper());
    when(models.task("help-request", "Task_QualificationReview"))
        .thenReturn(Optional.of(new TaskModels.UserTaskDefinition("help-request", "Task_QualificationReview", "Qualification review", "qualification-review")));
  }

  @Test
  void listsOpenUserTasksWithTheirRequestIds() {
    UUID requestId = UUID.randomUUID();
    UserTask task = userTask(42L, 7L, UserTaskState.CREATED, "curator");
    when(
            client.newUserTaskSearchRequest().filter(any(java.util.function.Consumer.class)).sort(any(java.util.function.Consumer.class))
            .page(any(java.util.function.Consumer.class)).send().join().items())
        .thenReturn(List.of(task));
    Variable variable = mock(Variable.class);
    when(variable.getProcessInstanceKey()).thenReturn(7L);
    when(variable.getScopeKey()).thenReturn(7L);
    when(variable.getValue()).thenReturn("\"" + requestId + "\"");
    when(client.newVariableSearchRequest().filter(any(java.util.function.Consumer.class)).page(any(java.util.function.Consumer.class))
            .send().join().items())
        .thenReturn(List.of(variable));

    List<CuratorTask> tasks = backend.openTasks(new TaskQuery("curators", null));

    assertThat(tasks).singleElement().satisfies(open -> {
      assertThat(open.id()).isEqualTo("42");
      assertThat(open.requestId()).isEqualTo(requestId);
      assertThat(open.name()).isEqualTo("Qualification review");
      assertThat(open.elementId()).isEqualTo("Task_QualificationReview");
      assertThat(open.processId()).isEqualTo("help-request");
      assertThat(open.candidateGroups()).containsExactly("curators");
      assertThat(open.assignee()).isEqualTo("curator");
      assertThat(open.formId()).isEqualTo("qualification-review");
      assertThat(open.createdAt()).isEqualTo("2025-01-02T03:04:05Z");
      assertThat(open.priority()).isEqualTo(90);
      assertThat(open.dueDate()).isEqualTo("2025-01-02T03:19:05Z");
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void sortsByPriorityThenAgeAndGivesATaskWithoutOneTheDefault() {
    UserTask task = userTask(42L, 7L, UserTaskState.CREATED, null);
    when(task.getPriority()).thenReturn(null);
    when(task.getDueDate()).thenReturn(null);
    UserTaskSearchRequest search = searchFinding(List.of(task));

    CuratorTask open = backend.openTasks(new TaskQuery(null, null)).getFirst();

    assertThat(open.priority()).isEqualTo(50);
    assertThat(open.dueDate()).isNull();
    ArgumentCaptor<Consumer<UserTaskSort>> sorting = ArgumentCaptor.captor();
    verify(search).sort(sorting.capture());
    UserTaskSort sort = mock(UserTaskSort.class, RETURNS_SELF);
    sorting.getValue().accept(sort);
    InOrder order = inOrder(sort);
    order.verify(sort).priority();
    order.verify(sort).desc();
    order.verify(sort).creationDate();
    order.verify(sort).asc();
  }

  @Test
  @SuppressWarnings("unchecked")
  void asksTheClusterForTheTasksOfOneRequestInsteadOfScanningAPageOfAllOpenTasks() {
    UUID requestId = UUID.randomUUID();
    UserTaskSearchRequest search = searchFinding(List.of());

    assertThat(backend.openTasks(new TaskQuery("curators", null, requestId))).isEmpty();

    ArgumentCaptor<Consumer<UserTaskFilter>> filtering = ArgumentCaptor.captor();
    verify(search).filter(filtering.capture());
    UserTaskFilter filter = mock(UserTaskFilter.class, RETURNS_SELF);
    filtering.getValue().accept(filter);
    verify(filter).state(UserTaskState.CREATED);
    verify(filter).candidateGroup("curators");
    verify(filter).processInstanceVariables(Map.of("requestId", "\"" + requestId + "\""));
  }

  /** A user task search (its filter, sort and page calls return it) that finds these tasks. */
  @SuppressWarnings("unchecked")
  private UserTaskSearchRequest searchFinding(List<UserTask> tasks) {
    UserTaskSearchRequest search = mock(UserTaskSearchRequest.class, RETURNS_SELF);
    CamundaFuture<SearchResponse<UserTask>> answer = mock(CamundaFuture.class);
    SearchResponse<UserTask> found = mock(SearchResponse.class);
    when(client.newUserTaskSearchRequest()).thenReturn(search);
    when(search.send()).thenReturn(answer);
    when(answer.join()).thenReturn(found);
    when(found.items()).thenReturn(tasks);
    return search;
  }

  @Test
  void readsTheVariablesTheFormShowsFromTheTask() {
    Variable process = variable("specialistOptions", "[{\"label\":\"Ivan\",\"value\":\"id-1\"}]", 7L, 7L);
    Variable local = variable("proposedSpecialistLabel", "\"Olena (1 of 4 cases)\"", 99L, 7L);
    Variable shadowed = variable("proposedSpecialistLabel", "\"an older label\"", 7L, 7L);
    when(client.newUserTaskVariableSearchRequest(42L).filter(any(Consumer.class)).page(any(Consumer.class)).withFullValues()
            .send().join().items())
        .thenReturn(List.of(process, local, shadowed));
    CuratorTask task =
        new CuratorTask("42", null, "Confirm assignment", "Task_ConfirmAssignment", "help-request", List.of("curators"),
            null, null, "assignment-confirmation", 70, null);

    Map<String, Object> variables = backend.variables(task, Set.of("specialistOptions", "proposedSpecialistLabel"));

    assertThat(variables)
        .containsEntry("specialistOptions", List.of(Map.of("label", "Ivan", "value", "id-1")))
        .containsEntry("proposedSpecialistLabel", "Olena (1 of 4 cases)");
    assertThat(backend.variables(task, Set.of())).isEmpty();
  }

  private static Variable variable(String name, String jsonValue, long scopeKey, long processInstanceKey) {
    Variable variable = mock(Variable.class);
    when(variable.getName()).thenReturn(name);
    when(variable.getValue()).thenReturn(jsonValue);
    when(variable.getScopeKey()).thenReturn(scopeKey);
    when(variable.getProcessInstanceKey()).thenReturn(processInstanceKey);
    return variable;
  }

  @Test
  void findsOnlyOpenTasks() {
    UserTask completed = userTask(42L, 7L, UserTaskState.COMPLETED, null);
    when(client.newUserTaskGetRequest(42L).send().join()).thenReturn(completed);
    assertThat(backend.find("42")).isEmpty();

    when(client.newUserTaskGetRequest(43L).send().join()).thenThrow(new ProblemException(404, "Not Found", null));
    assertThat(backend.find("43")).isEmpty();
    assertThat(backend.find("not-a-key")).isEmpty();
  }

  @Test
  void claimsUnclaimsAndCompletesThroughTheRestApi() {
    backend.claim("42", "curator");
    verify(client.newAssignUserTaskCommand(42L).assignee("curator")).allowOverride(false);

    backend.unclaim("42");
    verify(client.newUnassignUserTaskCommand(42L).send()).join();

    Map<String, Object> variables = Map.of("decision", "accept");
    backend.complete("42", variables);
    verify(client.newCompleteUserTaskCommand(42L)).variables(variables);
  }

  @Test
  void translatesTheClustersAnswers() {
    when(client.newCompleteUserTaskCommand(anyLong()).variables(any(Map.class)).send().join())
        .thenThrow(new ProblemException(404, "Not Found", null));
    assertThatThrownBy(() -> backend.complete("42", Map.of())).isInstanceOf(TaskNotFoundException.class);

    when(client.newAssignUserTaskCommand(anyLong()).assignee(any()).allowOverride(false).send().join())
        .thenThrow(new ProblemException(409, "Conflict", null));
    assertThatThrownBy(() -> backend.claim("42", "curator")).isInstanceOf(TaskConflictException.class);
  }

  private static UserTask userTask(long key, long processInstanceKey, UserTaskState state, String assignee) {
    UserTask task = mock(UserTask.class);
    when(task.getUserTaskKey()).thenReturn(key);
    when(task.getProcessInstanceKey()).thenReturn(processInstanceKey);
    when(task.getState()).thenReturn(state);
    when(task.getAssignee()).thenReturn(assignee);
    when(task.getName()).thenReturn("Qualification review");
    when(task.getElementId()).thenReturn("Task_QualificationReview");
    when(task.getBpmnProcessId()).thenReturn("help-request");
    when(task.getCandidateGroups()).thenReturn(List.of("curators"));
    when(task.getCreationDate()).thenReturn(OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    when(task.getPriority()).thenReturn(90);
    when(task.getDueDate()).thenReturn(OffsetDateTime.of(2025, 1, 2, 3, 19, 5, 0, ZoneOffset.UTC));
    return task;
  }
}
