package org.lifeline.orchestrator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeline.orchestrator.request.HelpRequestProcess;

/**
 * How the benchmark's specialists learn of a new case. A real specialist sees it in their task inbox (console or
 * {@code GET /api/v1/tasks}); polling one inbox per specialist would put hundreds of idle polls on the platform, so one
 * board polls the open tasks of everyone ({@code GET /api/v1/tasks} as an administrator, every {@link #INTERVAL} while
 * someone waits) and hands each request's "Accept or decline the case" task to the journey waiting for it, with the
 * specialist it is assigned to. That specialist then acts with their own login. A request that gets a curator's task
 * instead (e.g. the assignment was not auto-confirmed) fails its journey with the task's name.
 */
final class TaskBoard implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofMillis(250);

  /** An open user task as the task API lists it. */
  record Task(String id, String elementId, String assignee) {}

  private final PlatformHttp http;
  private final Map<UUID, CompletableFuture<Task>> waiting = new ConcurrentHashMap<>();
  private final AtomicBoolean polling = new AtomicBoolean();
  private final AtomicInteger polls = new AtomicInteger();
  private final ScheduledFuture<?> schedule;

  TaskBoard(PlatformHttp http, ScheduledExecutorService timer) {
    this.http = http;
    this.schedule =
        timer.scheduleWithFixedDelay(this::poll, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The specialist's task of this request, once it is open. */
  CompletableFuture<Task> responseTaskOf(UUID requestId) {
    CompletableFuture<Task> task = new CompletableFuture<>();
    waiting.put(requestId, task);
    return task.whenComplete((found, failure) -> waiting.remove(requestId, task));
  }

  /** Fails every journey still waiting for its task (the platform no longer moves them on). */
  void giveUp(String why) {
    waiting.values().forEach(task -> task.completeExceptionally(new IllegalStateException("no task to accept the case: " + why)));
  }

  /** How many times the board listed the open tasks. */
  int polls() {
    return polls.get();
  }

  private void poll() {
    if (waiting.isEmpty() || !polling.compareAndSet(false, true)) {
      return;
    }
    polls.incrementAndGet();
    http.get(Logins.admin(), "/api/v1/tasks")
        .whenComplete(
            (response, failure) -> {
              try {
                if (failure == null && response.statusCode() == 200) {
                  http.json(response.body()).forEach(this::offer);
                }
              } finally {
                polling.set(false);
              }
            });
  }

  private void offer(JsonNode listed) {
    if (listed.path("requestId").isNull() || listed.path("requestId").isMissingNode()) {
      return;
    }
    CompletableFuture<Task> waiter = waiting.get(UUID.fromString(listed.get("requestId").asText()));
    if (waiter == null) {
      return;
    }
    Task task = new Task(listed.get("id").asText(), listed.get("elementId").asText(), listed.path("assignee").asText(null));
    if (HelpRequestProcess.Elements.TASK_RESPOND_TO_ASSIGNMENT.equals(task.elementId())) {
      waiter.complete(task);
    } else {
      waiter.completeExceptionally(
          new IllegalStateException("the request waits for a person's task instead: " + listed.get("name").asText()));
    }
  }

  @Override
  public void close() {
    schedule.cancel(false);
  }
}
