package org.lifeline.orchestrator.notification;

import java.time.Clock;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues messages to the person behind a request; delivery happens after commit, by the outbox. */
@Service
public class Notifications {

  private final OutboundMessageRepository outbox;
  private final ContactRepository contacts;
  private final RequestLifecycle lifecycle;
  private final MessageTemplates templates;
  private final Clock clock;

  Notifications(
      OutboundMessageRepository outbox,
      ContactRepository contacts,
      RequestLifecycle lifecycle,
      MessageTemplates templates,
      Clock clock) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.lifecycle = lifecycle;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * Queues a message once per dedup key: a redelivered job (or a re-driven process) that asks again
   * queues nothing.
   *
   * @return whether a new message was queued
   */
  @Transactional
  public boolean enqueue(UUID requestId, String template, String dedupKey) {
    if (!templates.exists(template)) {
      throw new IllegalArgumentException("No outbound template '" + template + "'");
    }
    if (outbox.existsByRequestIdAndDedupKey(requestId, dedupKey)) {
      return false;
    }
    HelpRequest request = lifecycle.get(requestId);
    Contact contact = contacts.getReferenceById(request.getContactId());
    String language = request.getLanguage() != null ? request.getLanguage() : contact.getLanguage();
    outbox.save(
        new OutboundMessage(
            requestId, contact.getId(), request.getChannel(), template, dedupKey, language, clock.instant()));
    return true;
  }
}
