package org.lifeline.orchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactFixtures;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.MessageKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation store, read marks and canned responses on the database. Run on H2 and on PostgreSQL by
 * {@link ConversationRepositoriesOnH2Test} and {@link ConversationRepositoriesOnPostgresTest}.
 */
@Transactional
abstract class ConversationRepositoriesContract {

  static final Instant T0 = Instant.parse("2030-01-02T03:04:05.123456Z");

  @Autowired ContactRepository contacts;
  @Autowired HelpRequestRepository requests;
  @Autowired ConversationMessageRepository messages;
  @Autowired CannedResponseRepository canned;
  @Autowired TestEntityManager entities;
  @Autowired DataSource dataSource;

  HelpRequest request;
  HelpRequest other;

  @BeforeEach
  void storeRequests() {
    Contact contact = contacts.saveAndFlush(ContactFixtures.contact(Channel.TELEGRAM, "user-" + UUID.randomUUID(), T0));
    request = requests.saveAndFlush(new HelpRequest(contact.getId(), Channel.TELEGRAM, 40, "uk", T0));
    other = requests.saveAndFlush(new HelpRequest(contact.getId(), Channel.TELEGRAM, 40, "uk", T0));
  }

  @Test
  void theFullTextOfBothDirectionsIsKeptEncryptedInOrderAndErasedWithThePerson() {
    String longText = "Мені важко, я не сплю. ".repeat(200).substring(0, 4000);
    UUID outboxId = outboxRow(request, "REPLY");
    messages.saveAndFlush(ConversationMessage.inbound(request.getId(), T0, "contact", longText));
    messages.saveAndFlush(ConversationMessage.reply(request.getId(), T0.plusSeconds(60), "okoval", outboxId, "Я з вами."));
    messages.saveAndFlush(ConversationMessage.inbound(other.getId(), T0, "contact", "elsewhere"));
    entities.clear();

    List<ConversationMessage> found = messages.findByRequestIdOrderByIdAsc(request.getId());
    assertThat(found).extracting(ConversationMessage::getText).containsExactly(longText, "Я з вами.");
    assertThat(found).extracting(ConversationMessage::getDirection).containsExactly(Direction.IN, Direction.OUT);
    assertThat(found.get(0).getAt()).isEqualTo(T0);
    String stored =
        JdbcClient.create(dataSource).sql("select text from conversation_message where id = :id").param("id", found.get(0).getId())
            .query(String.class).single();
    assertThat(stored).startsWith("enc:").doesNotContain("важко");
    assertThat(messages.findByOutboundMessageId(outboxId)).get().extracting(ConversationMessage::getText).isEqualTo("Я з вами.");
    assertThat(messages.existsByRequestIdAndKindAndAuthor(request.getId(), MessageKind.REPLY, "okoval")).isTrue();
    assertThat(messages.existsByRequestIdAndKindAndAuthor(request.getId(), MessageKind.REPLY, "someone")).isFalse();
    assertThat(messages.findByRequestIdAndIdGreaterThanOrderByIdAsc(request.getId(), found.get(0).getId()))
        .extracting(ConversationMessage::getText)
        .containsExactly("Я з вами.");
    assertThat(messages.findEntries(List.of(request.getId(), other.getId())))
        .extracting(ConversationEntry::requestId, ConversationEntry::direction, ConversationEntry::author)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(request.getId(), Direction.IN, "contact"),
            org.assertj.core.groups.Tuple.tuple(request.getId(), Direction.OUT, "okoval"),
            org.assertj.core.groups.Tuple.tuple(other.getId(), Direction.IN, "contact"));

    assertThat(messages.eraseTexts(List.of(request.getId()))).isEqualTo(2);
    assertThat(messages.findByRequestIdOrderByIdAsc(request.getId())).hasSize(2).extracting(ConversationMessage::getText).containsOnlyNulls();
    assertThat(messages.findByRequestIdOrderByIdAsc(other.getId())).extracting(ConversationMessage::getText).containsExactly("elsewhere");
  }

  @Test
  void aReadMarkIsCreatedOnceAndOnlyMovesForward() {
    ReadMarks marks = new ReadMarks(JdbcClient.create(dataSource), Clock.fixed(T0, ZoneOffset.UTC));
    marks.markRead(request.getId(), "okoval", 5);
    marks.markRead(request.getId(), "okoval", 5);
    marks.markRead(request.getId(), "okoval", 3);
    marks.markRead(request.getId(), "mpetrenko", 2);
    assertThat(marks.lastRead(List.of(request.getId(), other.getId()), "okoval")).isEqualTo(Map.of(request.getId(), 5L));

    marks.markRead(request.getId(), "okoval", 9);
    assertThat(marks.lastRead(List.of(request.getId()), "okoval")).containsEntry(request.getId(), 9L);
    assertThat(marks.lastRead(List.of(request.getId()), "mpetrenko")).containsEntry(request.getId(), 2L);
    assertThat(marks.lastRead(List.of(), "okoval")).isEmpty();
  }

  @Test
  void theStarterSetOfCannedResponsesIsThereInEveryLanguage() {
    for (String language : List.of("en", "ru", "uk")) {
      assertThat(canned.findByLanguageOrderByCategoryAscTitleAsc(language))
          .extracting(CannedResponse::getCategory)
          .contains("first-contact", "scheduling", "check-in", "closing");
    }
  }

  private UUID outboxRow(HelpRequest of, String kind) {
    UUID id = UUID.randomUUID();
    JdbcClient.create(dataSource)
        .sql(
            """
            insert into outbound_message (id, request_id, contact_id, channel, kind, author, dedup_key, status, attempts,
                                          next_attempt_at, created_at, version)
            values (:id, :request, :contact, 'TELEGRAM', :kind, 'okoval', :dedup, 'PENDING', 0, :at, :at, 0)
            """)
        .param("id", id)
        .param("request", of.getId())
        .param("contact", of.getContactId())
        .param("kind", kind)
        .param("dedup", "reply:" + id)
        .param("at", T0.atOffset(ZoneOffset.UTC))
        .update();
    return id;
  }
}
