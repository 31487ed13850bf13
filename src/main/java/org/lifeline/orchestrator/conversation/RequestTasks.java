package org.lifeline.orchestrator.conversation;

import java.util.UUID;

/**
 * What the open user tasks say about a request, for the need-to-know rule (curators may read a request with an open
 * curator task). Implemented by the task inbox, whichever backend holds the tasks.
 */
public interface RequestTasks {

  /** The candidate group of curators' tasks. */
  String CURATORS = "curators";

  /** Whether the request has an open user task offered to this candidate group (e.g. {@code curators}). */
  boolean hasOpenTask(UUID requestId, String candidateGroup);

  /** Whether this user has claimed an open task of the request at this BPMN element. */
  boolean hasClaimedTask(UUID requestId, String elementId, String username);
}
