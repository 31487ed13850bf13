package org.lifeline.orchestrator.assignment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests waiting for a specialist, served by risk level first (HIGH before LOW) and then by how
 * long they have waited.
 */
@Service
public class WaitingQueue {

  private final WaitingRequestRepository waiting;

  WaitingQueue(WaitingRequestRepository waiting) {
    this.waiting = waiting;
  }

  /**
   * Puts the request in the queue from {@code criteria.now()}; for a request already waiting it
   * updates what it needs (a raised risk moves it up) but keeps its waiting time.
   */
  @Transactional
  public void enqueue(UUID requestId, MatchCriteria criteria) {
    waiting
        .findById(requestId)
        .ifPresentOrElse(
            request -> request.update(criteria), () -> waiting.save(new WaitingRequest(requestId, criteria)));
  }

  @Transactional(readOnly = true)
  public List<WaitingRequest> nextWaiting(int limit) {
    return waiting.findByOrderByRiskPriorityDescWaitingSinceAscRequestIdAsc(Limit.of(limit));
  }

  /** Takes the request out of the queue (assigned, closed, ...); nothing happens when it is not waiting. */
  @Transactional
  public void remove(UUID requestId) {
    waiting.findById(requestId).ifPresent(waiting::delete);
  }
}
