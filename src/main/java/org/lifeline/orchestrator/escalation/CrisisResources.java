package org.lifeline.orchestrator.escalation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crisis resources reach the person once per escalation. They are queued with the first signal that escalates, in
 * that signal's transaction: whatever the engine is doing, and before anything the platform answers to the message
 * that raised it. The escalation's first step queues them only when they were not (a signal stored before, or an
 * escalation re-driven after a restart). They count as given from the moment they are queued until an escalation of
 * the request closes; a later escalation gives them again.
 */
@Component
public class CrisisResources {

  /** The outbound template of the crisis resources. */
  public static final String TEMPLATE = CrisisLineArguments.TEMPLATE;

  private final Notifications notifications;
  private final EscalationRepository escalations;
  private final CrisisLineArguments lines;

  CrisisResources(Notifications notifications, EscalationRepository escalations, CrisisLineArguments lines) {
    this.notifications = notifications;
    this.escalations = escalations;
    this.lines = lines;
  }

  /** The hotlines configured for a language (what the crisis resources message names), for a page to show always. */
  public String linesFor(String language) {
    return lines.linesFor(language);
  }

  /**
   * Queues the crisis resources unless the person already has them for the current escalation.
   *
   * @param dedupKey what queues them (a signal, an escalation), so a repeated call queues nothing either
   * @return whether they were queued now
   */
  @Transactional
  boolean offer(UUID requestId, String dedupKey) {
    if (given(requestId)) {
      return false;
    }
    return notifications.enqueue(requestId, CrisisLineArguments.TEMPLATE, dedupKey);
  }

  private boolean given(UUID requestId) {
    Optional<Instant> queued = notifications.lastQueued(requestId, CrisisLineArguments.TEMPLATE);
    if (queued.isEmpty()) {
      return false;
    }
    Optional<Instant> lastClosed =
        escalations.findFirstByRequestIdAndClosedAtIsNotNullOrderByClosedAtDesc(requestId).map(Escalation::getClosedAt);
    return lastClosed.isEmpty() || lastClosed.get().isBefore(queued.get());
  }
}
