package org.lifeline.orchestrator.curator;

import java.util.UUID;

/**
 * Which open tasks to list; null means any.
 *
 * @param candidateGroup only tasks offered to this group
 * @param assignee only tasks claimed by this user
 * @param requestId only tasks of this request's processes (asked by the engine or the inbox's table, never by
 *     scanning a page of all open tasks)
 */
public record TaskQuery(String candidateGroup, String assignee, UUID requestId) {

  public TaskQuery(String candidateGroup, String assignee) {
    this(candidateGroup, assignee, null);
  }

  /** The open tasks of one request. */
  static TaskQuery ofRequest(UUID requestId, String candidateGroup, String assignee) {
    return new TaskQuery(candidateGroup, assignee, requestId);
  }
}
