package org.lifeline.orchestrator.telegram;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Receives updates Telegram pushes; only Telegram knows the secret set with setWebhook. */
@RestController
@Hidden
@ConditionalOnExpression(
    "${lifeline.telegram.enabled:false} and '${lifeline.telegram.updates:webhook}'.equalsIgnoreCase('webhook')")
class TelegramWebhookController {

  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final TelegramDialogue dialogue;
  private final byte[] secret;

  TelegramWebhookController(TelegramDialogue dialogue, TelegramProperties properties) {
    this.dialogue = dialogue;
    this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
  }

  @PostMapping("/telegram/webhook")
  ResponseEntity<Void> receive(
      @RequestHeader(name = SECRET_HEADER, required = false) String presented, @RequestBody TelegramUpdate update) {
    if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    dialogue.handle(update);
    return ResponseEntity.ok().build();
  }
}
