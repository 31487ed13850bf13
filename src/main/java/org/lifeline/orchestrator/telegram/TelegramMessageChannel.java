package org.lifeline.orchestrator.telegram;

import java.util.ArrayList;
import java.util.List;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.notification.MessageChannel;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.lifeline.orchestrator.request.MessageKind;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Delivers the platform's messages (greeting, reminders, crisis resources, ...) and staff replies through the bot,
 * in the person's chat; a reply is introduced by its sender's name. A 403 from Telegram (the bot was blocked) makes
 * the message UNREACHABLE.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TelegramMessageChannel implements MessageChannel {

  private final TelegramBotApi api;
  private final SendRateLimiter limiter;

  TelegramMessageChannel(TelegramBotApi api, SendRateLimiter limiter) {
    this.api = api;
    this.limiter = limiter;
  }

  @Override
  public boolean delivers(OutboundMessage message) {
    return message.getChannel() == Channel.TELEGRAM;
  }

  @Override
  public void send(OutboundMessage message, String channelUserId, String text) {
    long chatId = Long.parseLong(channelUserId);
    limiter.acquire(chatId);
    String shown = message.getKind() == MessageKind.REPLY ? introduced(message.getSenderName(), text) : text;
    for (String part : split(shown, TelegramProperties.MAX_MESSAGE_LENGTH)) {
      api.sendMessage(chatId, part, null);
    }
  }

  /** The sender's name on a line of its own above the text, as a chat shows who writes. */
  static String introduced(String senderName, String text) {
    return senderName == null || senderName.isBlank() ? text : senderName + ":\n" + text;
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
