package org.lifeline.orchestrator.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.lifeline.orchestrator.audit.AuditedRead;
import org.lifeline.orchestrator.notification.Delivery;
import org.lifeline.orchestrator.platform.PlainText;
import org.lifeline.orchestrator.platform.UniqueKeyRaces;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The conversation with the person behind a request, for staff with a need to know (see {@link ContentAccess}). */
@RestController
@RequestMapping("/api/v1/requests/{id}")
@Validated
@Tag(name = "Conversation")
@PreAuthorize("hasAnyRole('SPECIALIST', 'CURATOR', 'SUPERVISOR', 'ADMIN')")
class ConversationController {

  private final Conversations conversations;
  private final Replies replies;

  ConversationController(Conversations conversations, Replies replies) {
    this.conversations = conversations;
    this.replies = replies;
  }

  @GetMapping("/conversation")
  @AuditedRead
  @Operation(
      summary = "The conversation: every message to and from the person, and the questionnaire answers",
      description =
          "The holding specialist, curators before IN_PROGRESS or with an open curator task, supervisors during an"
              + " escalation. Another specialist gets 404, administrators 403. Every read is audited and marks the"
              + " conversation read for the caller.")
  ConversationView conversation(
      @PathVariable UUID id,
      @Parameter(description = "Language of the questions and answers (en, ru, uk); English by default")
          @RequestParam(defaultValue = "en")
          @Pattern(regexp = PlainText.LANGUAGE, message = PlainText.LANGUAGE_MESSAGE)
          String language,
      Authentication authentication) {
    return conversations.read(StaffCaller.of(authentication), id, language);
  }

  @PostMapping(path = "/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Write to the person",
      description =
          "The specialist holding an accepted case, or a supervisor during an escalation. Goes out through the"
              + " request's channel; 202 with the message id and its delivery (QUEUED). 409 before acceptance and after"
              + " closing. A retry with the same Idempotency-Key returns the same reply.")
  ResponseEntity<ReplyAccepted> reply(
      @PathVariable UUID id,
      @Valid @RequestBody ReplyInput input,
      @Parameter(description = "Makes a retried POST return the same reply instead of sending a second one")
          @RequestHeader(name = "Idempotency-Key", required = false)
          @Pattern(regexp = PlainText.KEY, message = "must be 1-200 printable ASCII characters")
          String idempotencyKey,
      Authentication authentication) {
    StaffCaller caller = StaffCaller.of(authentication);
    Replies.Reply reply;
    try {
      reply = UniqueKeyRaces.expect(() -> replies.reply(caller, id, input.text(), idempotencyKey));
    } catch (DataIntegrityViolationException concurrentRetry) {
      // The same Idempotency-Key in two concurrent calls: the other one stored it; answer with that.
      reply = replies.reply(caller, id, input.text(), idempotencyKey);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Idempotent-Replayed", Boolean.toString(reply.replayed()))
        .body(new ReplyAccepted(reply.id(), reply.delivery()));
  }

  /**
   * @param text what the person will read (sensitive: stored encrypted, never sent to the engine); the pattern is for
   *     the console's form, JSON is checked when it is read
   */
  record ReplyInput(@NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String text) {}

  record ReplyAccepted(long id, Delivery delivery) {}
}
