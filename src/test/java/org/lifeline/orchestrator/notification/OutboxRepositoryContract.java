package org.lifeline.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactFixtures;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Transactional;

/** The outbox table. Run on H2 and on PostgreSQL by {@link OutboxRepositoryOnH2Test}, {@link OutboxRepositoryOnPostgresTest}. */
@Transactional // on the contract: the subclass's @DataJpaTest does not reach inherited test methods
abstract class OutboxRepositoryContract {

  static final Instant T0 = Instant.parse("2030-01-02T03:04:05.123456Z");

  @Autowired OutboundMessageRepository outbox;
  @Autowired ContactRepository contacts;
  @Autowired HelpRequestRepository requests;

  Contact contact;
  HelpRequest request;

  @BeforeEach
  void storeARequest() {
    contact = contacts.saveAndFlush(ContactFixtures.contact(Channel.TELEGRAM, "user-" + UUID.randomUUID(), T0));
    request = requests.saveAndFlush(new HelpRequest(contact.getId(), Channel.TELEGRAM, 34, "ru", T0));
  }

  @Test
  void aDedupKeyQueuesOneMessagePerRequest() {
    outbox.saveAndFlush(message("greeting", T0));

    assertThat(outbox.existsByRequestIdAndDedupKey(request.getId(), "greeting")).isTrue();
    assertThat(outbox.existsByRequestIdAndDedupKey(request.getId(), "reminder-1")).isFalse();
    assertThatThrownBy(() -> outbox.saveAndFlush(message("greeting", T0.plusSeconds(1))))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void deliversDueMessagesInTheOrderTheyBecameDue() {
    OutboundMessage later = outbox.saveAndFlush(message("later", T0.plusSeconds(2)));
    OutboundMessage first = outbox.saveAndFlush(message("first", T0));
    OutboundMessage notYetDue = outbox.saveAndFlush(message("not-yet-due", T0.plusSeconds(100)));
    OutboundMessage sent = message("sent", T0);
    sent.sent(T0);
    outbox.saveAndFlush(sent);
    OutboundMessage retrying = message("retrying", T0);
    retrying.failed("channel down", T0, 8, Duration.ofSeconds(50));
    outbox.saveAndFlush(retrying);

    Instant now = T0.plusSeconds(10);
    assertThat(outbox.findDueIds(now, Limit.of(10))).containsExactly(first.getId(), later.getId());
    assertThat(outbox.findDueIds(now, Limit.of(1))).containsExactly(first.getId());
    assertThat(outbox.findDueIds(T0.plusSeconds(100), Limit.of(10)))
        .containsExactly(first.getId(), later.getId(), retrying.getId(), notYetDue.getId());
    assertThat(outbox.countByStatus(OutboundMessage.Status.PENDING)).isEqualTo(4);
    assertThat(outbox.countByStatus(OutboundMessage.Status.SENT)).isOne();
    assertThat(outbox.findByRequestIdOrderByCreatedAt(request.getId())).hasSize(5);
  }

  @Test
  void tellsHowOldTheOldestPendingMessageIs() {
    assertThat(outbox.findOldestPendingCreatedAt()).isEmpty();
    OutboundMessage oldestButSent = message("sent", T0.minusSeconds(60));
    oldestButSent.sent(T0);
    outbox.saveAndFlush(oldestButSent);
    outbox.saveAndFlush(message("old", T0));
    outbox.saveAndFlush(message("new", T0.plusSeconds(30)));

    assertThat(outbox.findOldestPendingCreatedAt()).contains(T0);
    assertThat(outbox.countByStatusAndCreatedAtBefore(OutboundMessage.Status.PENDING, T0.plusSeconds(1))).isOne();
  }

  private OutboundMessage message(String dedupKey, Instant at) {
    return OutboundMessage.template(request.getId(), contact.getId(), Channel.TELEGRAM, "greeting", dedupKey, "ru", at);
  }
}
