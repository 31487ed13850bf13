package org.lifeline.orchestrator.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.notification.OutboundMessageSent;
import org.lifeline.orchestrator.request.RequestStatusChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open chat pages of this replica, told (Server-Sent Events) when their conversation changed: a message was
 * delivered to the person or the request's status changed. The event carries no content, only that something is new
 * ({@value #CHANGED}); the page then reads its messages, so a missed event costs nothing but a moment (the page polls
 * until its stream has delivered an event, and reads every 15 s even then). A person whose stream another replica
 * holds learns it at that page's next read.
 */
@Component
class ChatEvents {

  static final String CHANGED = "changed";
  /** Streams one chat may hold open (tabs of one person); a further one ends the earliest, so a script cannot pile them up. */
  static final int STREAMS_PER_CHAT = 4;

  private final Map<UUID, Deque<SseEmitter>> open = new ConcurrentHashMap<>();
  private final Duration streamTimeout;

  ChatEvents(@Value("${lifeline.chat.stream-timeout:5m}") Duration streamTimeout) {
    this.streamTimeout = streamTimeout;
  }

  /** A stream for the page of this request; it ends after the timeout and the page opens another. */
  SseEmitter subscribe(UUID requestId) {
    SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
    Deque<SseEmitter> streams = open.computeIfAbsent(requestId, any -> new ConcurrentLinkedDeque<>());
    while (streams.size() >= STREAMS_PER_CHAT) {
      SseEmitter earliest = streams.pollFirst();
      if (earliest != null) {
        earliest.complete();
      }
    }
    streams.addLast(emitter);
    Runnable forget = () -> forget(requestId, emitter);
    emitter.onCompletion(forget);
    emitter.onTimeout(forget);
    emitter.onError(error -> forget.run());
    // The page reads what it missed while it had no stream.
    send(requestId, emitter, SseEmitter.event().name(CHANGED).data(CHANGED));
    return emitter;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void delivered(OutboundMessageSent sent) {
    if (sent.channel() == Channel.CHAT) {
      changed(sent.requestId());
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void statusChanged(RequestStatusChanged change) {
    if (change.channel() == Channel.CHAT) {
      changed(change.requestId());
      if (change.status().isFinal()) {
        Deque<SseEmitter> ended = open.remove(change.requestId());
        if (ended != null) {
          ended.forEach(SseEmitter::complete);
        }
      }
    }
  }

  /** Tells this request's open pages to read their messages. */
  void changed(UUID requestId) {
    Deque<SseEmitter> emitters = open.get(requestId);
    if (emitters != null) {
      emitters.forEach(emitter -> send(requestId, emitter, SseEmitter.event().name(CHANGED).data(CHANGED)));
    }
  }

  /** A comment now and then keeps proxies from closing a quiet stream and finds pages that are gone. */
  @Scheduled(fixedDelayString = "${lifeline.chat.heartbeat:20s}")
  void heartbeat() {
    open.forEach((requestId, emitters) -> emitters.forEach(emitter -> send(requestId, emitter, SseEmitter.event().comment(""))));
  }

  private void send(UUID requestId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException gone) {
      forget(requestId, emitter);
    }
  }

  private void forget(UUID requestId, SseEmitter emitter) {
    open.computeIfPresent(
        requestId,
        (id, emitters) -> {
          emitters.remove(emitter);
          return emitters.isEmpty() ? null : emitters;
        });
  }
}
