package org.lifeline.orchestrator.contact;

import java.util.Optional;
import java.util.UUID;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContactRepository extends JpaRepository<Contact, UUID> {

  /** Use {@link ContactDirectory#find}: it hashes the handle. */
  Optional<Contact> findByChannelAndChannelUserHash(Channel channel, String channelUserHash);

  @Query(value = "select id from contact where channel_user_hash is null", nativeQuery = true)
  List<UUID> findIdsWithoutHash();
}
