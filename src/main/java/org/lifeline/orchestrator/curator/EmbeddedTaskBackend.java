package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.grpc.Status;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.lifeline.orchestrator.engine.EngineRecords;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.platform.UniqueKeyRaces;
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
 * platform's own business (the assignee column); completing completes the job. A job that ends in
 * the engine without the platform (the process moved on, or another client of the gateway completed
 * it) is seen in the engine's records as they are written ({@link EngineRecords}); its task leaves the
 * inbox at the next look at the inbox or the next refresh; completing or renewing such a job (NOT_FOUND)
 * says so too. The held jobs' timeouts are renewed only when half of it has run out, so an idle
 * platform does not make the engine write.
 */
@Component
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedTaskBackend implements TaskBackend {

  static final String CANDIDATE_GROUPS_HEADER = "io.camunda.zeebe:candidateGroups";
  static final String ASSIGNEE_HEADER = "io.camunda.zeebe:assignee";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTaskBackend.class);
  private static final Set<JobIntent> JOB_ENDED = Set.of(JobIntent.COMPLETED, JobIntent.CANCELED, JobIntent.ERROR_THROWN);
  /** How many ended user-task jobs are remembered, for a job delivered to the inbox after it ended. */
  private static final int REMEMBERED_ENDINGS = 10_000;
  private static final Duration TIMEOUT = Duration.ofMillis(UserTaskWorker.TIMEOUT_MILLIS);

  private final CamundaClient client;
  private final EngineRecords records;
  private final InboxTaskRepository inbox;
  private final TaskModels models;
  private final EngineRun engineRun;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final TransactionTemplate ownTransaction;
  /** Jobs this platform is completing right now: their COMPLETED record is no news. */
  private final Set<Long> completing = ConcurrentHashMap.newKeySet();
  /** User-task jobs the engine ended, not yet taken out of the inbox. */
  private final Queue<Ended> ended = new ConcurrentLinkedQueue<>();
  /** The latest user-task jobs the engine ended, oldest first. */
  private final Map<Long, Boolean> recentlyEnded =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
          return size() > REMEMBERED_ENDINGS;
        }
      };
  /** Until when the engine holds each open task's job for the inbox (its timeout), in the engine's time. */
  private final Map<Long, Instant> heldUntil = new ConcurrentHashMap<>();

  private record Ended(long jobKey, JobIntent intent) {}

  EmbeddedTaskBackend(
      CamundaClient client,
      EngineRecords records,
      InboxTaskRepository inbox,
      TaskModels models,
      EngineRun engineRun,
      ObjectMapper json,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.client = client;
    this.records = records;
    this.inbox = inbox;
    this.models = models;
    this.engineRun = engineRun;
    this.json = json;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    records.subscribe(ValueType.JOB, JOB_ENDED, this::onJobEnded);
  }

  /** Earlier runs' open tasks can never be completed: their processes are re-driven and make new ones. */
  @EventListener(ApplicationReadyEvent.class)
  void markTasksOfEarlierRunsStale() {
    Integer stale = transaction.execute(status -> inbox.markStale(engineRun.id(), clock.instant()));
    if (stale != null && stale > 0) {
      log.info("{} open task(s) of an earlier engine run are stale", stale);
    }
  }

  /** Takes an activated job into the inbox; a job delivered again is recorded once, one ended meanwhile not at all. */
  void record(ActivatedJob job) {
    heldUntil.put(job.getKey(), Instant.ofEpochMilli(job.getDeadline()));
    if (hasEnded(job.getKey())) {
      heldUntil.remove(job.getKey());
      return;
    }
    if (inbox.existsById(job.getKey())) {
      return;
    }
    var definition = models.task(job.getBpmnProcessId(), job.getElementId());
    String formId = definition.map(TaskModels.UserTaskDefinition::formId).orElse(null);
    Map<String, Object> variables = job.getVariablesAsMap();
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
            formId,
            priorityOf(variables),
            dueDateOf(job),
            formVariablesOf(formId, variables),
            clock.instant());
    try {
      UniqueKeyRaces.expect(() -> transaction.executeWithoutResult(status -> inbox.save(task)));
    } catch (DataIntegrityViolationException alreadyRecorded) {
      log.debug("Task {} was recorded concurrently", job.getKey());
    }
    if (hasEnded(job.getKey())) {
      markGone(job.getKey()); // it ended while it was being recorded
    }
  }

  @Override
  public List<CuratorTask> openTasks(TaskQuery query) {
    followEngine();
    List<InboxTask> open =
        query.requestId() == null
            ? inbox.findByStateOrderByPriorityDescCreatedAtAscJobKeyAsc(InboxTask.State.OPEN)
            : inbox.findByStateAndRequestIdOrderByPriorityDescCreatedAtAscJobKeyAsc(InboxTask.State.OPEN, query.requestId());
    return open.stream()
        .map(InboxTask::toTask)
        .filter(task -> query.candidateGroup() == null || task.candidateGroups().contains(query.candidateGroup()))
        .filter(task -> query.assignee() == null || query.assignee().equals(task.assignee()))
        .toList();
  }

  @Override
  public Optional<CuratorTask> find(String taskId) {
    followEngine();
    return openRow(taskId).map(InboxTask::toTask);
  }

  @Override
  public Map<String, Object> variables(CuratorTask task, Set<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    String stored = parseKey(task.id()).flatMap(inbox::findById).map(InboxTask::getFormVariables).orElse(null);
    if (stored == null) {
      return Map.of();
    }
    try {
      Map<String, Object> all = json.readValue(stored, new TypeReference<Map<String, Object>>() {});
      all.keySet().retainAll(names);
      return all;
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable form variables of task " + task.id(), e);
    }
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
    completing.add(task.getJobKey());
    try {
      client.newCompleteCommand(task.getJobKey()).variables(variables).send().join();
      heldUntil.remove(task.getJobKey());
      transaction.executeWithoutResult(
          status -> inbox.findById(task.getJobKey()).ifPresent(row -> row.end(InboxTask.State.COMPLETED, clock.instant())));
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        markGone(task.getJobKey());
        throw new TaskNotFoundException(taskId);
      }
      throw e;
    } finally {
      completing.remove(task.getJobKey());
    }
  }

  /** On the thread reading the engine's records: a user-task job ended in the engine. */
  private void onJobEnded(Record<?> record) {
    if (!UserTaskAdaptation.JOB_TYPE.equals(((JobRecordValue) record.getValue()).getType())) {
      return;
    }
    synchronized (recentlyEnded) {
      recentlyEnded.put(record.getKey(), Boolean.TRUE);
    }
    heldUntil.remove(record.getKey());
    ended.add(new Ended(record.getKey(), (JobIntent) record.getIntent()));
  }

  private boolean hasEnded(long jobKey) {
    synchronized (recentlyEnded) {
      return recentlyEnded.containsKey(jobKey);
    }
  }

  /**
   * Takes the tasks whose jobs ended in the engine without the platform out of the inbox: cancelled (the process
   * moved on), or completed or ended with an error by another client of the engine's gateway.
   */
  synchronized void followEngine() {
    records.catchUp();
    for (Ended job = ended.poll(); job != null; job = ended.poll()) {
      if (completing.contains(job.jobKey())) {
        continue;
      }
      try {
        endedOutside(job.jobKey(), job.intent());
      } catch (RuntimeException databaseUnavailable) {
        ended.add(job);
        throw databaseUnavailable;
      }
    }
  }

  private void endedOutside(long jobKey, JobIntent intent) {
    boolean wasOpen = markGone(jobKey);
    if (!wasOpen) {
      return;
    }
    if (intent == JobIntent.CANCELED) {
      log.info("Task {} was ended by its process", jobKey);
    } else {
      log.warn("Task {} was {} by another client of the engine's gateway, not through the platform", jobKey, intent);
    }
  }

  /**
   * Takes the tasks whose jobs ended in the engine out of the inbox, and renews the jobs of open tasks once half of
   * their timeout has run out (which also tells which ones the process ended meanwhile: those leave the inbox). Only
   * a renewal makes the engine write, about twice a month per open task.
   */
  @Scheduled(
      initialDelayString = "${lifeline.tasks.refresh-interval:5m}",
      fixedDelayString = "${lifeline.tasks.refresh-interval:5m}")
  void refresh() {
    followEngine();
    Instant renewBy = clock.instant().plus(TIMEOUT.dividedBy(2));
    for (InboxTask task : inbox.findByStateAndEngineRun(InboxTask.State.OPEN, engineRun.id())) {
      Instant held = heldUntil.get(task.getJobKey());
      if (held != null && held.isAfter(renewBy)) {
        continue;
      }
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
      client.newUpdateTimeoutCommand(task.getJobKey()).timeout(TIMEOUT).send().join();
      heldUntil.put(task.getJobKey(), clock.instant().plus(TIMEOUT));
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        markGone(task.getJobKey());
        throw new TaskNotFoundException(taskId);
      }
      throw e;
    }
  }

  /** @return whether the task was open */
  private boolean markGone(long jobKey) {
    heldUntil.remove(jobKey);
    return Boolean.TRUE.equals(
        ownTransaction.execute(
            status ->
                inbox.findById(jobKey)
                    .filter(row -> row.getState() == InboxTask.State.OPEN)
                    .map(
                        row -> {
                          row.end(InboxTask.State.GONE, clock.instant());
                          return true;
                        })
                    .orElse(false)));
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

  /** The priority the adapted model evaluated into the task's local variable; the default without one. */
  private static int priorityOf(Map<String, Object> variables) {
    return variables.get(UserTaskAdaptation.PRIORITY_VARIABLE) instanceof Number number
        ? Math.clamp(number.longValue(), 0, 100)
        : UserTaskAdaptation.DEFAULT_PRIORITY;
  }

  /** The due date header, as the engine writes it ({@code 2026-03-01T10:15:00Z[Etc/UTC]} or an offset date-time). */
  private static Instant dueDateOf(ActivatedJob job) {
    String header = job.getCustomHeaders().get(UserTaskAdaptation.DUE_DATE_HEADER);
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(header).toInstant();
    } catch (DateTimeParseException notZoned) {
      log.warn("Job {} has a due date that is not a date-time: {}", job.getKey(), header);
      return null;
    }
  }

  /** What the task's form shows, as JSON; null when it shows nothing. */
  private String formVariablesOf(String formId, Map<String, Object> variables) {
    Map<String, Object> shown = new HashMap<>();
    for (String name : models.formInputs(formId)) {
      if (variables.containsKey(name)) {
        shown.put(name, variables.get(name));
      }
    }
    if (shown.isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(shown);
    } catch (IOException e) {
      throw new IllegalStateException("Form variables of job cannot be written as JSON", e);
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
