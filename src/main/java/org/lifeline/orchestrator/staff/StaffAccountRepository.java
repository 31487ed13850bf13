package org.lifeline.orchestrator.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffAccountRepository extends JpaRepository<StaffAccount, UUID> {

  Optional<StaffAccount> findByUsername(String username);

  Optional<StaffAccount> findByInvitationHash(String invitationHash);

  Optional<StaffAccount> findByTelegramCodeHash(String telegramCodeHash);

  Optional<StaffAccount> findByTelegramChatId(long telegramChatId);

  boolean existsByTelegramChatId(long telegramChatId);

  List<StaffAccount> findAllByOrderByUsername();

  @Query("select a.username from StaffAccount a where a.username in :usernames")
  List<String> findExistingUsernames(@Param("usernames") Collection<String> usernames);

  /** Enabled accounts with the role that have a password (not only invited). */
  @Query(
      """
      select distinct a from StaffAccount a join a.roles r
      where r = :role and a.enabled = true and a.passwordHash is not null order by a.username
      """)
  List<StaffAccount> findActiveWithRole(@Param("role") StaffRole role);
}
