package org.lifeline.orchestrator.contact;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactRepository extends JpaRepository<Contact, UUID> {

  Optional<Contact> findByChannelAndChannelUserId(Channel channel, String channelUserId);
}
