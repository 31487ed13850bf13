package org.lifeline.orchestrator.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.request.MessageKind;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

  List<ConversationMessage> findByRequestIdOrderByIdAsc(UUID requestId);

  List<ConversationMessage> findByRequestIdAndIdGreaterThanOrderByIdAsc(UUID requestId, long afterId);

  Optional<ConversationMessage> findByOutboundMessageId(UUID outboundMessageId);

  boolean existsByOutboundMessageId(UUID outboundMessageId);

  boolean existsByRequestIdAndKindAndAuthor(UUID requestId, MessageKind kind, String author);

  /** Who wrote what when in these conversations, oldest first: no text is read (or decrypted). */
  @Query(
      """
      select new org.lifeline.orchestrator.conversation.ConversationEntry(
          m.requestId, m.id, m.at, m.direction, m.kind, m.author)
      from ConversationMessage m where m.requestId in :requestIds order by m.id
      """)
  List<ConversationEntry> findEntries(@Param("requestIds") Collection<UUID> requestIds);

  /** Erasure: the texts go; who wrote when stays for statistics. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("update ConversationMessage m set m.text = null where m.requestId in :requestIds")
  int eraseTexts(@Param("requestIds") Collection<UUID> requestIds);
}
