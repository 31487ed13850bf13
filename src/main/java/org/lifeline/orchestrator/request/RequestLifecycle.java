package org.lifeline.orchestrator.request;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a request goes through here, so that its history is complete: each status change
 * and each inbound or outbound message becomes an entry with time and actor.
 */
@Service
@Transactional
public class RequestLifecycle {

  public static final String SYSTEM = "system";

  private final HelpRequestRepository requests;
  private final RequestEventRepository events;
  private final Clock clock;

  RequestLifecycle(HelpRequestRepository requests, RequestEventRepository events, Clock clock) {
    this.requests = requests;
    this.events = events;
    this.clock = clock;
  }

  /** Stores a new request with its first history entry. */
  public HelpRequest register(HelpRequest request, String actor) {
    HelpRequest saved = requests.save(request);
    events.save(RequestEvent.statusChanged(saved.getId(), saved.getStatus(), actor, saved.getCreatedAt()));
    return saved;
  }

  @Transactional(readOnly = true)
  public HelpRequest get(UUID requestId) {
    return requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
  }

  /**
   * Moves the request to a status; repeating the same change (a redelivered job) records nothing.
   *
   * @return whether the status changed
   */
  public boolean changeStatus(UUID requestId, RequestStatus status, String actor) {
    HelpRequest request = get(requestId);
    if (request.getStatus() == status) {
      return false;
    }
    Instant now = clock.instant();
    request.changeStatus(status, now);
    events.save(RequestEvent.statusChanged(requestId, status, actor, now));
    return true;
  }

  public void raiseRisk(UUID requestId, RiskLevel level) {
    get(requestId).raiseRisk(level, clock.instant());
  }

  public void recordInbound(UUID requestId, String content, String actor) {
    events.save(RequestEvent.messageIn(requestId, content, actor, clock.instant()));
  }

  public void recordOutbound(UUID requestId, String template, String actor) {
    events.save(RequestEvent.messageOut(requestId, template, actor, clock.instant()));
  }

  public void recordChannelUnreachable(UUID requestId) {
    events.save(RequestEvent.channelUnreachable(requestId, SYSTEM, clock.instant()));
  }

  /** A process instance now drives the request; a request that was only stored enters qualification. */
  public void processStarted(UUID requestId, long processInstanceKey, String engineRun) {
    HelpRequest request = get(requestId);
    request.processStarted(processInstanceKey, engineRun, clock.instant());
    if (request.getStatus() == RequestStatus.RECEIVED) {
      changeStatus(requestId, RequestStatus.QUALIFYING, SYSTEM);
    }
  }
}
