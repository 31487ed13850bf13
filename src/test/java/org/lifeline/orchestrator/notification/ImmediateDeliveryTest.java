package org.lifeline.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chat says nothing before the crisis resources it caused are out. When the channel's send limit defers them for a
 * moment, or the outbox's own round is sending them right now, the chat waits for them instead of leaving its answer
 * out (seen in CI: a risk message got no answer at all because the per-chat limit deferred the resources by a few ms).
 */
class ImmediateDeliveryTest {

  private final Clock clock = Clock.systemUTC();
  private final UUID requestId = UUID.randomUUID();
  private final UUID contactId = UUID.randomUUID();
  private final OutboundMessageRepository outbox = mock(OutboundMessageRepository.class);
  private final ContactRepository contacts = mock(ContactRepository.class);
  private final MessageTemplates templates = mock(MessageTemplates.class);
  private final MessageChannel channel = mock(MessageChannel.class);
  private final OutboundMessage resources =
      OutboundMessage.template(requestId, contactId, Channel.TELEGRAM, "crisis-resources", "crisis-resources:1", "en", clock.instant());
  private ImmediateDelivery immediately;

  @BeforeEach
  void anOutboxWithTheCrisisResourcesWaiting() {
    Contact contact = mock(Contact.class);
    when(contact.isReachable()).thenReturn(true);
    when(contact.getChannelUserId()).thenReturn("42");
    when(contacts.getReferenceById(contactId)).thenReturn(contact);
    when(templates.render(anyString(), anyString())).thenReturn("Call 8-800-2000-122");
    when(channel.delivers(any())).thenReturn(true);
    when(outbox.findForDelivery(resources.getId())).thenReturn(Optional.of(resources));
    when(outbox.findById(resources.getId())).thenReturn(Optional.of(resources));
    when(outbox.findByRequestIdAndTemplateAndStatus(requestId, "crisis-resources", OutboundMessage.Status.PENDING))
        .thenReturn(List.of(resources));
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            outbox,
            contacts,
            List.of(channel),
            templates,
            messageId -> Optional.empty(),
            mock(RequestLifecycle.class),
            new TransactionTemplate(mock(PlatformTransactionManager.class)),
            event -> {},
            clock,
            8,
            Duration.ofSeconds(5));
    immediately = new ImmediateDelivery(outbox, dispatcher, clock);
  }

  @Test
  void aSendLimitOfAMomentIsWaitedFor() {
    doThrow(new RetryLaterException("Telegram send limit", Duration.ofMillis(20)))
        .doNothing()
        .when(channel)
        .send(any(), anyString(), anyString());

    assertThat(immediately.deliverWaiting(requestId, "crisis-resources")).isTrue();

    verify(channel, times(2)).send(any(), anyString(), anyString());
    assertThat(resources.getStatus()).isEqualTo(OutboundMessage.Status.SENT);
  }

  @Test
  void theOutboxRoundSendingItRightNowIsWaitedFor() {
    // Our dispatcher's lock wait runs out while the outbox round still sends; that round then commits it as sent.
    AtomicInteger reads = new AtomicInteger();
    when(outbox.findForDelivery(resources.getId())).thenThrow(new PessimisticLockingFailureException("lock wait timed out"));
    when(outbox.findById(resources.getId()))
        .thenAnswer(call -> {
          if (reads.incrementAndGet() == 3) {
            resources.sent(clock.instant());
          }
          return Optional.of(resources);
        });

    assertThat(immediately.deliverWaiting(requestId, "crisis-resources")).isTrue();

    verify(outbox, times(1)).findForDelivery(resources.getId());
    verify(channel, never()).send(any(), anyString(), anyString());
  }

  @Test
  void aLongerWaitIsNotWaitedForAndTheCallerIsToldSo() {
    doThrow(new RetryLaterException("Telegram rate limit on sendMessage", Duration.ofSeconds(30)))
        .when(channel)
        .send(any(), anyString(), anyString());

    assertThat(immediately.deliverWaiting(requestId, "crisis-resources")).isFalse();

    verify(channel, times(1)).send(any(), anyString(), anyString());
    assertThat(resources.getStatus()).isEqualTo(OutboundMessage.Status.PENDING);
  }

  @Test
  void aMessageAlreadyOutIsNotSentAgain() {
    resources.sent(clock.instant());
    doNothing().when(channel).send(any(), anyString(), anyString());

    assertThat(immediately.deliverWaiting(requestId, "crisis-resources")).isTrue();

    verify(channel, never()).send(any(), anyString(), anyString());
  }
}
