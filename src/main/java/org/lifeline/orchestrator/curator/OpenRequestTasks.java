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
    return !backend.openTasks(TaskQuery.ofRequest(requestId, candidateGroup, null)).isEmpty();
  }

  @Override
  public boolean hasClaimedTask(UUID requestId, String elementId, String username) {
    return backend.openTasks(TaskQuery.ofRequest(requestId, null, username)).stream()
        .anyMatch(task -> elementId.equals(task.elementId()));
  }
}
