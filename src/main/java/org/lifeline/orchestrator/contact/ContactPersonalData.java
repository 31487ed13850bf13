package org.lifeline.orchestrator.contact;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.lifeline.orchestrator.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

@Component
class ContactPersonalData implements PersonalDataHolder {

  private final ContactRepository contacts;
  private final Clock clock;

  ContactPersonalData(ContactRepository contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  @Override
  public void erase(UUID contactId, Collection<UUID> requestIds) {
    contacts.findById(contactId).ifPresent(contact -> contact.erase(clock.instant()));
  }
}
