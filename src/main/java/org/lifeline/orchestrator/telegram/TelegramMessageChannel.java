package org.lifeline.orchestrator.telegram;

import java.util.ArrayList;
import java.util.List;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.notification.MessageChannel;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Delivers the platform's messages (greeting, reminders, crisis resources, ...) through the bot. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class TelegramMessageChannel implements MessageChannel {

  private final TelegramBotApi api;
  private final SendRateLimiter limiter;

  TelegramMessageChannel(TelegramBotApi api, SendRateLimiter limiter) {
    this.api = api;
    this.limiter = limiter;
  }

  @Override
  public boolean delivers(Channel channel) {
    return channel == Channel.TELEGRAM;
  }

  @Override
  public void send(OutboundMessage message, String channelUserId, String text) {
    long chatId = Long.parseLong(channelUserId);
    limiter.acquire(chatId);
    for (String part : split(text, TelegramProperties.MAX_MESSAGE_LENGTH)) {
      api.sendMessage(chatId, part, null);
    }
  }

  /** Splits long texts at line or word boundaries into parts Telegram accepts. */
  static List<String> split(String text, int maxLength) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > maxLength) {
      int cut = rest.lastIndexOf('\n', maxLength);
      if (cut <= 0) {
        cut = rest.lastIndexOf(' ', maxLength);
      }
      if (cut <= 0) {
        cut = maxLength;
      }
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }
}
