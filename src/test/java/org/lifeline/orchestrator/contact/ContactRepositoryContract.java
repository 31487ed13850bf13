package org.lifeline.orchestrator.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

/** Run on H2 and on PostgreSQL by {@link ContactRepositoryOnH2Test}, {@link ContactRepositoryOnPostgresTest}. */
@Transactional // on the contract: the subclass's @DataJpaTest does not reach inherited test methods
abstract class ContactRepositoryContract {

  static final Instant CREATED = Instant.parse("2030-01-02T03:04:05.123456Z");

  @Autowired ContactRepository contacts;
  @Autowired TestEntityManager entities;

  @Test
  void findsAPersonByChannelAndHandleWithEverythingTheyToldUs() {
    Contact stored = new Contact(Channel.TELEGRAM, "4711", "hash-telegram-4711", CREATED);
    stored.update("Олена", "uk");
    contacts.saveAndFlush(stored);
    contacts.saveAndFlush(new Contact(Channel.WEB, "4711", "hash-web-4711", CREATED));
    entities.clear();

    Contact found = contacts.findByChannelAndChannelUserHash(Channel.TELEGRAM, "hash-telegram-4711").orElseThrow();

    assertThat(found.getId()).isEqualTo(stored.getId());
    assertThat(found.getDisplayName()).isEqualTo("Олена");
    assertThat(found.getLanguage()).isEqualTo("uk");
    assertThat(found.getChannelUserId()).isEqualTo("4711");
    assertThat(found.getCreatedAt()).isEqualTo(CREATED);
    assertThat(contacts.findByChannelAndChannelUserHash(Channel.EMAIL, "hash-telegram-4711")).isEmpty();
  }

  @Test
  void aHandleIsOnePersonPerChannel() {
    contacts.saveAndFlush(new Contact(Channel.TELEGRAM, "4712", "hash-telegram-4712", CREATED));

    assertThatThrownBy(() -> contacts.saveAndFlush(new Contact(Channel.TELEGRAM, "4712", "hash-telegram-4712", CREATED)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
