package org.lifeline.orchestrator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.lifeline.orchestrator.curator.Caller;
import org.lifeline.orchestrator.curator.CuratorTask;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.curator.TaskQuery;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;

/** Works user tasks the way curators and supervisors do: find the request's task, claim, complete. */
public final class TaskInbox {

  private final CuratorTasks tasks;

  public TaskInbox(CuratorTasks tasks) {
    this.tasks = tasks;
  }

  /** Waits for the request's open task of that element and completes it as the user with that role. */
  public CuratorTask complete(UUID requestId, String elementId, String username, String role, Map<String, Object> values) {
    Caller caller = new Caller(username, Set.of(role));
    CuratorTask task =
        Awaitility.await()
            .atMost(Duration.ofSeconds(45))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> openTask(caller, requestId, elementId), found -> found != null);
    tasks.claim(caller, task.id());
    tasks.complete(caller, task.id(), values);
    return task;
  }

  /** The specialist accepts the case offered to them, as on the offer page. */
  public CuratorTask acceptCase(UUID requestId, String username) {
    return complete(
        requestId,
        HelpRequestProcess.Elements.TASK_RESPOND_TO_ASSIGNMENT,
        username,
        Roles.SPECIALIST,
        Map.of(HelpRequestProcess.Variables.ASSIGNMENT_RESPONSE, "accept"));
  }

  private CuratorTask openTask(Caller caller, UUID requestId, String elementId) {
    return tasks.list(caller, new TaskQuery(null, null)).stream()
        .filter(task -> requestId.equals(task.requestId()) && elementId.equals(task.elementId()))
        .findFirst()
        .orElse(null);
  }
}
