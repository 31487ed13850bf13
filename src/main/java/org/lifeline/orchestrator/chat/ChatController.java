package org.lifeline.orchestrator.chat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.audit.AccessAudit;
import org.lifeline.orchestrator.platform.PlainText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.lifeline.orchestrator.platform.security.BearerSessions;
import org.springframework.http.ResponseEntity;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The web chat's API, for the page at /chat and for integrators who build their own: a session is opened without
 * credentials (rate-limited per address) and its bearer token then reaches that one conversation, while the request is
 * open.
 */
@RestController
@RequestMapping("/api/v1/chat")
@Validated
@Tag(name = "Web chat")
@PreAuthorize("hasAnyRole('" + Roles.PERSON + "', '" + Roles.PERSON_ENDED + "')")
class ChatController {

  private final ChatSessions sessions;
  private final OpenChatsPerAddress openChats;
  private final ChatConversation conversation;
  private final ChatEvents events;

  ChatController(ChatSessions sessions, OpenChatsPerAddress openChats, ChatConversation conversation, ChatEvents events) {
    this.sessions = sessions;
    this.openChats = openChats;
    this.conversation = conversation;
    this.events = events;
  }

  @PreAuthorize("permitAll()")
  @PostMapping(path = "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Open a chat: a new request of the channel chat",
      description =
          "No credentials; limited per address (a number a minute, and a number of chats still open). 201 with the"
              + " session's bearer token (shown once, only its hash is kept) and the request id; no Location: the"
              + " conversation is reached with the token, not by an address. The token is valid while the request is"
              + " open. 429 with Retry-After over either limit.")
  @ResponseStatus(HttpStatus.CREATED)
  SessionOpened open(@Valid @RequestBody SessionInput input, HttpServletRequest request) {
    ChatSessions.Opened opened =
        openChats.admit(request.getRemoteAddr(), () -> sessions.open(input.language(), input.age()));
    AccessAudit.concernsRequest(opened.requestId());
    return new SessionOpened(opened.token(), opened.requestId());
  }

  @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Write to the help line",
      description =
          "What the person wrote, or the label of the option they chose (skip: true for the skip button of an optional"
              + " question). 409 once the request has ended. Stored, scanned for risk, and answered by the same dialogue as the Telegram bot: 202 with"
              + " what the line says to it (reply, may be null) and the question due next (may be null).")
  ChatConversation.Answer write(
      @AuthenticationPrincipal OAuth2AuthenticatedPrincipal session, @Valid @RequestBody MessageInput input) {
    UUID requestId = writableRequestOf(session);
    return conversation.hear(requestId, input.text(), Boolean.TRUE.equals(input.skip()));
  }

  @PostMapping(path = "/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Rate the help received",
      description =
          "Once the line asked for it (GET /messages says feedbackOpen): a rating from 1 to 5 and an optional comment"
              + " (scanned for risk like every text of the person). 202; 409 when not asked, already given or ended.")
  Map<String, Boolean> rate(
      @AuthenticationPrincipal OAuth2AuthenticatedPrincipal session, @Valid @RequestBody FeedbackInput input) {
    conversation.rate(writableRequestOf(session), input.rating(), input.comment());
    return Map.of("received", true);
  }

  @GetMapping("/messages")
  @Operation(
      summary = "The person's conversation",
      description =
          "Their own messages, the line's messages as delivered and staff replies by the name the person sees, oldest"
              + " first, after the message id given; and the question to show now (with its options), if one is due.")
  ChatConversation.View read(
      @AuthenticationPrincipal OAuth2AuthenticatedPrincipal session,
      @Parameter(description = "Only messages with a greater id (0: all)")
          @RequestParam(defaultValue = "0")
          @PositiveOrZero
          long after) {
    return conversation.view(requestOf(session), after);
  }

  @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "A stream that says when the conversation changed",
      description =
          "Server-Sent Events named 'changed' (no content: read GET /messages then), one at once and one whenever a"
              + " message was delivered or the request's status changed. Ends after a few minutes: open it again. Poll"
              + " GET /messages where a stream cannot be held open.")
  ResponseEntity<SseEmitter> stream(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal session) {
    // A buffering proxy (nginx) would hold the events back until its buffer fills: ask it not to, and cache nothing.
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
        .header("X-Accel-Buffering", "no")
        .body(events.subscribe(requestOf(session)));
  }

  /** The session's request, refused (409) once it has ended: its messages are still readable for a while. */
  private static UUID writableRequestOf(OAuth2AuthenticatedPrincipal session) {
    UUID requestId = requestOf(session);
    boolean ended =
        session.getAuthorities().stream().anyMatch(authority -> BearerSessions.ENDED_AUTHORITY.equals(authority.getAuthority()));
    if (ended) {
      throw new ErrorResponseException(
          HttpStatus.CONFLICT,
          ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This conversation has ended: open a new chat to write again"),
          null);
    }
    return requestId;
  }

  private static UUID requestOf(OAuth2AuthenticatedPrincipal session) {
    UUID requestId = session.getAttribute(ChatSessions.REQUEST_ID);
    AccessAudit.concernsRequest(requestId);
    return requestId;
  }

  /**
   * @param language the language of the chat: en, ru or uk
   * @param age the age the person states, if they do here (else the first question asks it)
   */
  record SessionInput(
      @NotNull(message = "is required: en, ru or uk") @Pattern(regexp = "en|ru|uk", message = "must be en, ru or uk")
          String language,
      @Min(value = 1, message = "must be between 1 and 120") @Max(value = 120, message = "must be between 1 and 120")
          Integer age) {}

  record SessionOpened(String token, UUID requestId) {}

  /** @param comment sensitive: stored encrypted with the feedback, scanned for risk */
  record FeedbackInput(
      @NotNull(message = "is required: 1 to 5") @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
          Integer rating,
      @Size(max = 2000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String comment) {}

  /**
   * @param text what the person wrote (sensitive: stored encrypted, never sent to the engine)
   * @param skip the person skips an optional question (the text is its button's label)
   */
  record MessageInput(
      @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String text,
      Boolean skip) {}
}
