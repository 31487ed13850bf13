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

  @Column(nullable = false)
  private String actor;

  /** Text of an inbound message; sensitive, never exposed through the history API. */
  private String content;

  protected RequestEvent() {}

  private RequestEvent(UUID requestId, Instant at, RequestEventType type, String actor) {
    this.requestId = requestId;
    this.at = at;
    this.type = type;
    this.actor = actor;
  }

  static RequestEvent statusChanged(UUID requestId, RequestStatus status, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.STATUS_CHANGED, actor);
    event.status = status;
    return event;
  }

  static RequestEvent messageIn(UUID requestId, String content, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.MESSAGE_IN, actor);
    event.content = content;
    return event;
  }

  static RequestEvent messageOut(UUID requestId, String template, String actor, Instant at) {
    RequestEvent event = new RequestEvent(requestId, at, RequestEventType.MESSAGE_OUT, actor);
    event.template = template;
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

  public String getActor() {
    return actor;
  }

  public String getContent() {
    return content;
  }
}
