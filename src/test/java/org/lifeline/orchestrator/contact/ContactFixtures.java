package org.lifeline.orchestrator.contact;

import java.time.Instant;

/** Contacts for data-layer tests of other packages (the constructor is the directory's). */
public final class ContactFixtures {

  private ContactFixtures() {}

  public static Contact contact(Channel channel, String handle, Instant createdAt) {
    return new Contact(channel, handle, "hash-" + channel.code() + "-" + handle, createdAt);
  }
}
