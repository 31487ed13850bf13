package org.lifeline.orchestrator.request;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
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

  private static final Pattern REASON_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final HelpRequestRepository requests;
  private final RequestEventRepository events;
  private final RequestMetrics metrics;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;

  RequestLifecycle(
      HelpRequestRepository requests,
      RequestEventRepository events,
      RequestMetrics metrics,
      Clock clock,
      ApplicationEventPublisher publisher) {
    this.requests = requests;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.publisher = publisher;
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
    return changeStatus(requestId, status, null, actor);
  }

  /**
   * Moves the request to a status and records why, as a code (never free text).
   *
   * @param reason a code such as {@code AGE_CHANGED_SINCE_EARLIER_REQUEST}; null when there is nothing to add
   * @return whether the status changed
   */
  public boolean changeStatus(UUID requestId, RequestStatus status, String reason, String actor) {
    if (reason != null && !REASON_CODE.matcher(reason).matches()) {
      throw new IllegalArgumentException("A status reason must be a code such as age-inconsistent, not text");
    }
    HelpRequest request = get(requestId);
    if (request.getStatus() == status) {
      return false;
    }
    Instant now = clock.instant();
    metrics.statusChanging(requestId, request.getStatus(), status, now);
    request.changeStatus(status, now);
    events.save(RequestEvent.statusChanged(requestId, status, reason, actor, now));
    publisher.publishEvent(new RequestStatusChanged(requestId, request.getChannel(), status));
    return true;
  }

  /** When the request last moved to this status, if it ever did. */
  @Transactional(readOnly = true)
  public Optional<Instant> enteredStatusAt(UUID requestId, RequestStatus status) {
    return events.findByRequestIdAndTypeOrderByAtDescIdDesc(requestId, RequestEventType.STATUS_CHANGED).stream()
        .filter(event -> event.getStatus() == status)
        .map(RequestEvent::getAt)
        .findFirst();
  }

  /**
   * Raises the risk level; never lowers it.
   *
   * @return the request's risk level afterwards
   */
  public RiskLevel raiseRisk(UUID requestId, RiskLevel level) {
    HelpRequest request = get(requestId);
    request.raiseRisk(level, clock.instant());
    return request.getRiskLevel();
  }

  /** The person told their age after intake (in the questionnaire). */
  public void recordStatedAge(UUID requestId, int age) {
    get(requestId).stateAge(age, clock.instant());
  }

  /**
   * Records an inbound message in the history (who, when; never the text) and announces it with its text ({@link
   * InboundMessageRecorded}) within this transaction: the conversation stores the text, the risk detector scans it.
   */
  public void recordInbound(UUID requestId, String text, String author) {
    Instant now = clock.instant();
    events.save(RequestEvent.messageIn(requestId, author, now));
    publisher.publishEvent(new InboundMessageRecorded(requestId, text, author, now));
  }

  /** A history entry for a risk signal: its level, source and codes (never the words that fired it). */
  public void recordRiskSignal(UUID requestId, RiskLevel level, String source, String codes, String actor) {
    events.save(RequestEvent.riskSignal(requestId, level, source, codes, actor, clock.instant()));
  }

  /** A history entry for a step of an emergency escalation (codes only). */
  public void recordEscalationStep(UUID requestId, String step, RiskLevel level, String codes, String actor) {
    events.save(RequestEvent.escalation(requestId, step, level, codes, actor, clock.instant()));
  }

  /** Assignment serves this request first (a supervisor let it continue after an escalation). */
  public void prioritise(UUID requestId) {
    get(requestId).prioritise(clock.instant());
  }

  /** A delivered message: its kind and template (a reply has none) and who sent it; never the text. */
  public void recordOutbound(UUID requestId, MessageKind kind, String template, String actor) {
    events.save(RequestEvent.messageOut(requestId, kind, template, actor, clock.instant()));
  }

  /**
   * A member of staff was reminded of something they owe the request (e.g. the first contact); once per reference,
   * so a redelivered job records nothing new.
   *
   * @param about a code, e.g. {@code first-contact}
   * @param reference what caused the reminder, as a code (e.g. the process step's key)
   * @return when it was recorded, and whether by this call
   */
  public StaffReminder recordStaffReminder(UUID requestId, String about, String username, String reference, String actor) {
    if (!REASON_CODE.matcher(reference).matches() || !REASON_CODE.matcher(about).matches()) {
      throw new IllegalArgumentException("A reminder is described by codes, not text");
    }
    Optional<RequestEvent> known =
        events.findByRequestIdAndTypeOrderByAtDescIdDesc(requestId, RequestEventType.STAFF_REMINDED).stream()
            .filter(event -> reference.equals(event.getReason()))
            .findFirst();
    if (known.isPresent()) {
      return new StaffReminder(known.get().getAt(), false);
    }
    Instant now = clock.instant();
    events.save(RequestEvent.staffReminded(requestId, about, username, reference, actor, now));
    return new StaffReminder(now, true);
  }

  /**
   * @param at when the reminder was recorded (the first time, for a reminder recorded before)
   * @param recordedNow whether this call recorded it
   */
  public record StaffReminder(Instant at, boolean recordedNow) {}

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
