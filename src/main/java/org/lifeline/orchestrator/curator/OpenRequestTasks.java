package org.lifeline.orchestrator.curator;

import java.util.UUID;
import org.lifeline.orchestrator.conversation.RequestTasks;
import org.springframework.stereotype.Component;

/** The open tasks of a request, from whichever backend holds them, for the need-to-know rule of the conversation. */
@Component
class OpenRequestTasks implements RequestTasks {

  private final TaskBackend backend;

  OpenRequestTasks(TaskBackend backend) {
    this.backend = backend;
  }

  @Override
  public boolean hasOpenTask(UUID requestId, String candidateGroup) {
    return backend.openTasks(new TaskQuery(candidateGroup, null)).stream()
        .anyMatch(task -> requestId.equals(task.requestId()));
  }

  @Override
  public boolean hasClaimedTask(UUID requestId, String elementId, String username) {
    return backend.openTasks(new TaskQuery(null, username)).stream()
        .anyMatch(task -> requestId.equals(task.requestId()) && elementId.equals(task.elementId()));
  }
}
