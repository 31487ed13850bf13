package org.lifeline.orchestrator.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues messages to the person behind a request (templates, staff replies); delivery happens after commit, by the outbox. */
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
    outbox.save(
        OutboundMessage.template(
            requestId, contact.getId(), request.getChannel(), template, dedupKey, languageOf(request, contact), clock.instant())
            .broughtBy(request.getIntegrator()));
    return true;
  }

  /**
   * Queues a staff reply on the request's channel, once per dedup key: asking again with the same key returns the
   * message queued first. Its text stays in the conversation ({@link ReplyTexts}); the outbox holds no copy.
   *
   * @param author the staff member's username
   * @param senderName the name the person sees the reply from
   * @return the queued message
   */
  @Transactional
  public OutboundMessage enqueueReply(UUID requestId, String author, String senderName, String dedupKey) {
    Optional<OutboundMessage> earlier = outbox.findByRequestIdAndDedupKey(requestId, dedupKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    HelpRequest request = lifecycle.get(requestId);
    Contact contact = contacts.getReferenceById(request.getContactId());
    return outbox.save(
        OutboundMessage.reply(
            requestId,
            contact.getId(),
            request.getChannel(),
            author,
            senderName,
            dedupKey,
            languageOf(request, contact),
            clock.instant())
            .broughtBy(request.getIntegrator()));
  }

  /** Where each of these messages stands; unknown ids are left out. */
  @Transactional(readOnly = true)
  public Map<UUID, Delivery> deliveries(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Delivery> deliveries = new HashMap<>();
    outbox.findAllById(messageIds).forEach(message -> deliveries.put(message.getId(), message.getStatus().delivery()));
    return deliveries;
  }

  private static String languageOf(HelpRequest request, Contact contact) {
    return request.getLanguage() != null ? request.getLanguage() : contact.getLanguage();
  }
}
