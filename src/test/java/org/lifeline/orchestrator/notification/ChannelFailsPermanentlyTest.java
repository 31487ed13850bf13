package org.lifeline.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault: the channel adapter fails on every attempt. The outbox tries max-attempts times, then marks
 * the message FAILED and stops (no loop); no MESSAGE_OUT is written, so the request's history does
 * not claim a message went out, and its status is not touched. (Backoff between attempts is the
 * due-query's job, covered by the outbox repository tests; here every message is due at once.)
 */
class ChannelFailsPermanentlyTest {

  static final int MAX_ATTEMPTS = 3;

  OutboundMessageRepository outbox = mock(OutboundMessageRepository.class);
  ContactRepository contacts = mock(ContactRepository.class);
  MessageTemplates templates = mock(MessageTemplates.class);
  RequestLifecycle lifecycle = mock(RequestLifecycle.class);
  MessageChannel broken = mock(MessageChannel.class);

  @Test
  void theMessageFailsAfterMaxAttemptsAndIsNotRetriedForever() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    UUID requestId = UUID.randomUUID();
    UUID contactId = UUID.randomUUID();
    OutboundMessage message =
        OutboundMessage.template(requestId, contactId, Channel.values()[0], "greeting", "greeting:" + requestId, "en", clock.instant());
    Contact contact = mock(Contact.class);
    when(contact.isReachable()).thenReturn(true);
    when(contact.getChannelUserId()).thenReturn("handle");
    when(contacts.getReferenceById(contactId)).thenReturn(contact);
    when(outbox.findById(message.getId())).thenReturn(Optional.of(message));
    when(outbox.findDueIds(any(), any()))
        .thenAnswer(call -> message.getStatus() == OutboundMessage.Status.PENDING ? List.of(message.getId()) : List.of());
    when(templates.render(anyString(), anyString())).thenReturn("Hello");
    when(broken.delivers(any())).thenReturn(true);
    doThrow(new IllegalStateException("gateway down for good")).when(broken).send(any(), anyString(), anyString());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            outbox,
            contacts,
            List.of(broken),
            templates,
            messageId -> Optional.empty(),
            lifecycle,
            new TransactionTemplate(mock(PlatformTransactionManager.class)),
            event -> {},
            clock,
            MAX_ATTEMPTS,
            Duration.ofSeconds(1));

    for (int round = 0; round < 10 * MAX_ATTEMPTS; round++) {
      dispatcher.deliverDue();
    }

    verify(broken, times(MAX_ATTEMPTS)).send(any(), anyString(), anyString());
    assertThat(message.getStatus()).isEqualTo(OutboundMessage.Status.FAILED);
    assertThat(message.getAttempts()).isEqualTo(MAX_ATTEMPTS);
    assertThat(message.getLastError()).isEqualTo("gateway down for good");
    verifyNoInteractions(lifecycle);
  }
}
