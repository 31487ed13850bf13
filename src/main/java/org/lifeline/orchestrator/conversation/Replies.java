package org.lifeline.orchestrator.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Delivery;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.lifeline.orchestrator.request.MessageKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Staff write to the person: the reply is stored in the conversation and queued in the outbox in one transaction, and
 * goes out through the request's channel after commit. The specialist's first reply tells the process (message
 * {@code FirstReplySent}) so the first-contact watch ends.
 */
@Service
public class Replies {

  private final ContentAccess access;
  private final Notifications notifications;
  private final ConversationMessageRepository messages;
  private final StaffNames names;
  private final ReadMarks readMarks;
  private final FirstReplyMessages firstReplies;
  private final Clock clock;

  Replies(
      ContentAccess access,
      Notifications notifications,
      ConversationMessageRepository messages,
      StaffNames names,
      ReadMarks readMarks,
      FirstReplyMessages firstReplies,
      Clock clock) {
    this.access = access;
    this.notifications = notifications;
    this.messages = messages;
    this.names = names;
    this.readMarks = readMarks;
    this.firstReplies = firstReplies;
    this.clock = clock;
  }

  /**
   * Writes to the person behind the request. With an idempotency key, sending the same text again returns the reply
   * stored first (another text with the same key is refused); without one every call is a new reply.
   *
   * @param text checked by the caller: 1-4000 characters, no control characters but line breaks and tabs
   */
  @Transactional
  public Reply reply(StaffCaller caller, UUID requestId, String text, String idempotencyKey) {
    ContentAccess.Writer writer = access.requireReply(caller, requestId);
    String author = caller.username();
    OutboundMessage queued =
        notifications.enqueueReply(requestId, author, names.shownToThePerson(author).orElse(null), dedupKey(author, idempotencyKey));
    Optional<ConversationMessage> earlier = messages.findByOutboundMessageId(queued.getId());
    if (earlier.isPresent()) {
      if (!text.equals(earlier.get().getText())) {
        throw new ErrorResponseException(
            HttpStatus.UNPROCESSABLE_ENTITY,
            ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key '" + idempotencyKey + "' was already used for another text"),
            null);
      }
      return new Reply(earlier.get().getId(), queued.getStatus().delivery(), true);
    }
    boolean first =
        writer == ContentAccess.Writer.SPECIALIST
            && !messages.existsByRequestIdAndKindAndAuthor(requestId, MessageKind.REPLY, author);
    ConversationMessage stored =
        messages.save(ConversationMessage.reply(requestId, clock.instant(), author, queued.getId(), text));
    readMarks.markRead(requestId, author, stored.getId());
    if (first) {
      firstReplies.publishAfterCommit(requestId, author);
    }
    return new Reply(stored.getId(), Delivery.QUEUED, false);
  }

  /** Keyed per author; hashed, so any key fits the outbox's dedup column. */
  private static String dedupKey(String author, String idempotencyKey) {
    if (idempotencyKey == null) {
      return "reply:" + UUID.randomUUID();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((author + "\u0000" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "reply:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /**
   * @param id the reply's message id in the conversation
   * @param replayed the same reply was stored before under the idempotency key
   */
  public record Reply(long id, Delivery delivery, boolean replayed) {}
}
