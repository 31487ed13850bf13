package org.lifeline.orchestrator.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One entry of a request's history. Append-only. */
@Entity
public class RequestEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RequestEventType type;

  @Enumerated(EnumType.STRING)
  private RequestStatus status;

  private String template;

  /** Why the status changed, as a code (e.g. AGE_CHANGED_SINCE_EARLIER_REQUEST, age-inconsistent); never text. */
  private String reason;

  /** Escalation step or risk-signal source; codes only. */
  private String step;

  @Enumerated(EnumType.STRING)
  private RiskLevel level;

  /** Codes only (lexicon entry ids, reason or outcome codes, staff usernames): never a person's text. */
  private String detail;

  @Column(nullable = false)
  private String actor;

  /** Of a message entry: MESSAGE (in), TEMPLATE or REPLY (out). The text itself is in the conversation, never here. */
  private String kind;

  protected RequestEvent() {}

  private RequestEvent(UUID requestId, Instant at, RequestEventType type, String actor) {
    this.requestId = requestId;
    this.at = at;
    this.type = type;
    this.actor = actor;
  }

  static RequestEvent statusChanged(UUID requestId, RequestStatus status, String actor, Instant at) {
    return statusChanged(requestId, status, null, actor, at);
  }

  static RequestEvent statusChanged(UUID requestId, RequestStatus status, String reason, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.STATUS_CHANGED, actor);
    event.status = status;
    event.reason = reason;
    return event;
  }

  static RequestEvent messageIn(UUID requestId, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.MESSAGE_IN, actor);
    event.kind = MessageKind.MESSAGE.name();
    return event;
  }

  static RequestEvent messageOut(UUID requestId, MessageKind kind, String template, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.MESSAGE_OUT, actor);
    event.kind = kind.name();
    event.template = template;
    return event;
  }

  /** A reminder to a member of staff (e.g. no first contact yet): who was reminded, about what, by which step. */
  static RequestEvent staffReminded(UUID requestId, String about, String username, String reference, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.STAFF_REMINDED, actor);
    event.step = about;
    event.detail = username;
    event.reason = reference;
    return event;
  }

  static RequestEvent riskSignal(
      UUID requestId, RiskLevel level, String source, String codes, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.RISK_SIGNAL, actor);
    event.level = level;
    event.step = source;
    event.detail = codes;
    return event;
  }

  static RequestEvent escalation(
      UUID requestId, String step, RiskLevel level, String codes, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.ESCALATION, actor);
    event.step = step;
    event.level = level;
    event.detail = codes;
    return event;
  }

  static RequestEvent channelUnreachable(UUID requestId, String actor, Instant at) {
    return new RequestEvent(requestId, at, RequestEventType.CHANNEL_UNREACHABLE, actor);
  }

  public Long getId() {
    return id;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public Instant getAt() {
    return at;
  }

  public RequestEventType getType() {
    return type;
  }

  public RequestStatus getStatus() {
    return status;
  }

  public String getTemplate() {
    return template;
  }

  public String getReason() {
    return reason;
  }

  public String getStep() {
    return step;
  }

  public RiskLevel getLevel() {
    return level;
  }

  public String getDetail() {
    return detail;
  }

  public String getActor() {
    return actor;
  }

  public String getKind() {
    return kind;
  }
}
