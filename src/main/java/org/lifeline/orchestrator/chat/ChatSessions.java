package org.lifeline.orchestrator.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.intake.Intake;
import org.lifeline.orchestrator.intake.IntakeRequest;
import org.lifeline.orchestrator.platform.security.BearerSessions;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens web chat sessions and recognises their tokens. A session is a request of the channel {@code chat} with a
 * contact of its own (a random handle: the platform knows nothing else of the person), and a token of 256 random bits
 * that only the person's browser holds; the platform keeps its SHA-256. The token opens that request only, while it
 * is open. Once the request is final (closed, redirected, rejected, abandoned) the last messages (a redirect's
 * contacts, the feedback request) may still be read for {@code lifeline.chat.read-after-end}, nothing written; then
 * the token is refused.
 */
@Service
class ChatSessions implements BearerSessions {

  /** Who opens a chat request, in its history and as the submitter. */
  static final String ACTOR = "chat";
  static final String REQUEST_ID = "requestId";
  private static final String NAME_PREFIX = "chat:";

  private final SecureRandom random = new SecureRandom();
  private final ChatSessionRepository sessions;
  private final HelpRequestRepository requests;
  private final Intake intake;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration readAfterEnd;

  ChatSessions(
      ChatSessionRepository sessions,
      HelpRequestRepository requests,
      Intake intake,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${lifeline.chat.read-after-end:24h}") Duration readAfterEnd) {
    this.sessions = sessions;
    this.requests = requests;
    this.intake = intake;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.readAfterEnd = readAfterEnd;
  }

  /**
   * Takes a new request in from the chat, with its session, in one transaction (its process starts after commit).
   *
   * @param age as stated, or null: the questionnaire asks it first
   */
  Opened open(String language, Integer age) {
    String token = newToken();
    UUID requestId =
        transaction.execute(
            status -> {
              HelpRequest request =
                  intake
                      .submit(
                          new IntakeRequest(Channel.CHAT, "chat-" + UUID.randomUUID(), null, age, language, null),
                          null,
                          ACTOR)
                      .request();
              sessions.save(new ChatSession(hash(token), request.getId(), clock.instant()));
              return request.getId();
            });
    return new Opened(token, requestId);
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    HelpRequest request =
        sessions
            .findById(hash(token))
            .flatMap(session -> requests.findById(session.getRequestId()))
            .orElseThrow(() -> new BadOpaqueTokenException("unknown chat session"));
    String authority = BearerSessions.AUTHORITY;
    if (request.getStatus().isFinal()) {
      if (request.getStatusChangedAt().plus(readAfterEnd).isBefore(clock.instant())) {
        throw new BadOpaqueTokenException("the chat session's request has ended");
      }
      authority = BearerSessions.ENDED_AUTHORITY;
    }
    return new DefaultOAuth2AuthenticatedPrincipal(
        NAME_PREFIX + request.getId(),
        Map.of(REQUEST_ID, request.getId()),
        List.of(new SimpleGrantedAuthority(authority)));
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  record Opened(String token, UUID requestId) {}
}
