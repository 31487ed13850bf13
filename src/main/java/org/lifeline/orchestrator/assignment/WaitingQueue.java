package org.lifeline.orchestrator.assignment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests waiting for a specialist, served priority first (flagged by an escalation), then by risk
 * level (HIGH before LOW), then by how long they have waited.
 */
@Service
public class WaitingQueue {

  private final WaitingRequestRepository waiting;

  WaitingQueue(WaitingRequestRepository waiting) {
    this.waiting = waiting;
  }

  /**
   * Puts the request in the queue from {@code criteria.now()}; for a request already waiting it
   * updates what it needs (a raised risk or the priority flag moves it up) but keeps its waiting time.
   */
  @Transactional
  public void enqueue(UUID requestId, MatchCriteria criteria, boolean priority) {
    waiting
        .findById(requestId)
        .ifPresentOrElse(
            request -> request.update(criteria, priority),
            () -> waiting.save(new WaitingRequest(requestId, criteria, priority)));
  }

  @Transactional(readOnly = true)
  public List<WaitingRequest> nextWaiting(int limit) {
    return waiting.findByOrderByPriorityDescRiskPriorityDescWaitingSinceAscRequestIdAsc(Limit.of(limit));
  }

  /** How many requests wait. */
  @Transactional(readOnly = true)
  public long size() {
    return waiting.count();
  }

  /** Takes the request out of the queue (assigned, closed, ...); nothing happens when it is not waiting. */
  @Transactional
  public void remove(UUID requestId) {
    waiting.findById(requestId).ifPresent(waiting::delete);
  }
}
