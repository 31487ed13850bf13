package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Embedded mode: open user tasks are jobs of type {@code io.camunda.zeebe:userTask} that {@link
 * UserTaskWorker} holds activated, kept in the {@code user_task_inbox} table. Claiming is the
 * platform's own business (the assignee column); completing completes the job. A job the process
 * ended by itself (an interrupting event) is noticed when completing or renewing it fails with
 * NOT_FOUND, and leaves the inbox then.
 */
@Component
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedTaskBackend implements TaskBackend {

  static final String CANDIDATE_GROUPS_HEADER = "io.camunda.zeebe:candidateGroups";
  static final String ASSIGNEE_HEADER = "io.camunda.zeebe:assignee";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTaskBackend.class);

  private final CamundaClient client;
  private final InboxTaskRepository inbox;
  private final TaskModels models;
  private final EngineRun engineRun;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final TransactionTemplate ownTransaction;

  EmbeddedTaskBackend(
      CamundaClient client,
      InboxTaskRepository inbox,
      TaskModels models,
      EngineRun engineRun,
      ObjectMapper json,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.client = client;
    this.inbox = inbox;
    this.models = models;
    this.engineRun = engineRun;
    this.json = json;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Earlier runs' open tasks can never be completed: their processes are re-driven and make new ones. */
  @EventListener(ApplicationReadyEvent.class)
  void markTasksOfEarlierRunsStale() {
    Integer stale = transaction.execute(status -> inbox.markStale(engineRun.id(), clock.instant()));
    if (stale != null && stale > 0) {
      log.info("{} open task(s) of an earlier engine run are stale", stale);
    }
  }

  /** Takes an activated job into the inbox; a job delivered again is recorded once. */
  void record(ActivatedJob job) {
    if (inbox.existsById(job.getKey())) {
      return;
    }
    var definition = models.task(job.getBpmnProcessId(), job.getElementId());
    InboxTask task =
        new InboxTask(
            job.getKey(),
            engineRun.id(),
            job.getBpmnProcessId(),
            job.getElementId(),
            definition.map(TaskModels.UserTaskDefinition::name).orElse(job.getElementId()),
            job.getProcessInstanceKey(),
            requestIdOf(job),
            candidateGroupsOf(job),
            job.getCustomHeaders().get(ASSIGNEE_HEADER),
            definition.map(TaskModels.UserTaskDefinition::formId).orElse(null),
            clock.instant());
    try {
      transaction.executeWithoutResult(status -> inbox.save(task));
    } catch (DataIntegrityViolationException alreadyRecorded) {
      log.debug("Task {} was recorded concurrently", job.getKey());
    }
  }

  @Override
  public List<CuratorTask> openTasks(TaskQuery query) {
    return inbox.findByStateOrderByCreatedAtAscJobKeyAsc(InboxTask.State.OPEN).stream()
        .map(InboxTask::toTask)
        .filter(task -> query.candidateGroup() == null || task.candidateGroups().contains(query.candidateGroup()))
        .filter(task -> query.assignee() == null || query.assignee().equals(task.assignee()))
        .toList();
  }

  @Override
  public Optional<CuratorTask> find(String taskId) {
    return openRow(taskId).map(InboxTask::toTask);
  }

  @Override
  public void claim(String taskId, String username) {
    ensureJobExists(taskId);
    transaction.executeWithoutResult(
        status -> {
          InboxTask task = openRow(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
          if (task.getAssignee() != null && !task.getAssignee().equals(username)) {
            throw new TaskConflictException("The task is claimed by " + task.getAssignee());
          }
          task.assign(username);
        });
  }

  @Override
  public void unclaim(String taskId) {
    transaction.executeWithoutResult(
        status -> openRow(taskId).orElseThrow(() -> new TaskNotFoundException(taskId)).assign(null));
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    InboxTask task = openRow(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    try {
      client.newCompleteCommand(task.getJobKey()).variables(variables).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        markGone(task.getJobKey());
        throw new TaskNotFoundException(taskId);
      }
      throw e;
    }
    transaction.executeWithoutResult(
        status -> inbox.findById(task.getJobKey()).ifPresent(row -> row.end(InboxTask.State.COMPLETED, clock.instant())));
  }

  /**
   * Renews the jobs of open tasks, which also tells which ones the process has ended in the
   * meantime (an interrupting event, a cancelled instance): those leave the inbox.
   */
  @Scheduled(
      initialDelayString = "${lifeline.tasks.refresh-interval:5m}",
      fixedDelayString = "${lifeline.tasks.refresh-interval:5m}")
  void refresh() {
    for (InboxTask task : inbox.findByStateAndEngineRun(InboxTask.State.OPEN, engineRun.id())) {
      try {
        ensureJobExists(String.valueOf(task.getJobKey()));
      } catch (TaskNotFoundException gone) {
        log.info("Task {} was ended by its process", task.getJobKey());
      } catch (RuntimeException engineUnavailable) {
        log.warn("Cannot check the open tasks now: {}", engineUnavailable.getMessage());
        return;
      }
    }
  }

  private void ensureJobExists(String taskId) {
    InboxTask task = openRow(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    try {
      client
          .newUpdateTimeoutCommand(task.getJobKey())
          .timeout(Duration.ofMillis(UserTaskWorker.TIMEOUT_MILLIS))
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        markGone(task.getJobKey());
        throw new TaskNotFoundException(taskId);
      }
      throw e;
    }
  }

  private void markGone(long jobKey) {
    ownTransaction.executeWithoutResult(
        status ->
            inbox.findById(jobKey)
                .filter(row -> row.getState() == InboxTask.State.OPEN)
                .ifPresent(row -> row.end(InboxTask.State.GONE, clock.instant())));
  }

  private Optional<InboxTask> openRow(String taskId) {
    return parseKey(taskId).flatMap(inbox::findById).filter(row -> row.getState() == InboxTask.State.OPEN);
  }

  static Optional<Long> parseKey(String taskId) {
    try {
      return Optional.of(Long.parseLong(taskId));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private List<String> candidateGroupsOf(ActivatedJob job) {
    String header = job.getCustomHeaders().get(CANDIDATE_GROUPS_HEADER);
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(header, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable candidate groups of job " + job.getKey() + ": " + header, e);
    }
  }

  private static UUID requestIdOf(ActivatedJob job) {
    Object value = job.getVariablesAsMap().get(Variables.REQUEST_ID);
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
