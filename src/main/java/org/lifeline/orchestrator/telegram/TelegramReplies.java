package org.lifeline.orchestrator.telegram;

import java.time.Duration;
import java.util.Locale;
import org.lifeline.orchestrator.notification.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

/**
 * Direct answers in the dialogue (help, the next question, "please use the buttons"). They are
 * answers to what the person just wrote, so they are sent at once; everything the process decides
 * to send goes through the outbox instead.
 */
class TelegramReplies {

  private static final Logger log = LoggerFactory.getLogger(TelegramReplies.class);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(3);

  private final TelegramBotApi api;
  private final SendRateLimiter limiter;
  private final MessageSource texts;

  TelegramReplies(TelegramBotApi api, SendRateLimiter limiter, MessageSource texts) {
    this.api = api;
    this.limiter = limiter;
    this.texts = texts;
  }

  /** Says a bot text (messages/telegram*.properties) in the person's language. */
  void say(long chatId, String language, String key, Object... arguments) {
    send(chatId, text(language, key, arguments), TelegramBotApi.ReplyKeyboard.removed());
  }

  String text(String language, String key, Object... arguments) {
    return texts.getMessage(key, arguments, Locale.forLanguageTag(language == null ? "en" : language));
  }

  void send(long chatId, String text, TelegramBotApi.ReplyKeyboard keyboard) {
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        limiter.acquire(chatId);
        api.sendMessage(chatId, text, keyboard);
        return;
      } catch (RetryLaterException rateLimited) {
        waited = waited.plus(rateLimited.retryAfter());
        if (waited.compareTo(LONGEST_WAIT) > 0) {
          log.warn("Reply to a Telegram chat dropped: rate limited for {}", waited);
          return;
        }
        pause(rateLimited.retryAfter());
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
