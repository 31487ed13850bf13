package org.lifeline.orchestrator.contact;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.FieldEncryptor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds people by their channel handle, which is stored encrypted and looked up by keyed hash. */
@Service
@Transactional
public class ContactDirectory {

  private final ContactRepository contacts;
  private final FieldEncryptor encryptor;
  private final Clock clock;

  ContactDirectory(ContactRepository contacts, FieldEncryptor encryptor, Clock clock) {
    this.contacts = contacts;
    this.encryptor = encryptor;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<Contact> find(Channel channel, String channelUserId) {
    return contacts.findByChannelAndChannelUserHash(channel, hashOf(channel, channelUserId));
  }

  public Contact findOrCreate(Channel channel, String channelUserId) {
    return find(channel, channelUserId)
        .orElseGet(
            () -> contacts.save(new Contact(channel, channelUserId, hashOf(channel, channelUserId), clock.instant())));
  }

  /** Gives contacts stored before hashing their hash; run once at startup. */
  public int hashLegacyHandles() {
    int hashed = 0;
    for (UUID id : contacts.findIdsWithoutHash()) {
      Contact contact = contacts.findById(id).orElseThrow();
      contact.hashHandle(hashOf(contact.getChannel(), contact.getChannelUserId()));
      hashed++;
    }
    return hashed;
  }

  private String hashOf(Channel channel, String channelUserId) {
    return encryptor.hash(channel.code() + ":" + channelUserId);
  }
}
