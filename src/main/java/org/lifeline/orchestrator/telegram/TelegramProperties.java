package org.lifeline.orchestrator.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether the bot runs at all
 * @param botToken the token BotFather gave (secret)
 * @param apiBaseUrl the Bot API server; tests point it at a local fake
 * @param updates how updates arrive: a webhook Telegram calls, or long polling
 * @param webhookSecret must equal the X-Telegram-Bot-Api-Secret-Token header of webhook calls
 * @param pollTimeout long-polling wait per getUpdates call
 * @param messagesPerSecond global send rate (Telegram allows about 30)
 * @param perChatInterval minimum spacing of messages to one chat (Telegram allows about 1 per second)
 */
@ConfigurationProperties("lifeline.telegram")
public record TelegramProperties(
    boolean enabled,
    String botToken,
    URI apiBaseUrl,
    Updates updates,
    String webhookSecret,
    Duration pollTimeout,
    int messagesPerSecond,
    Duration perChatInterval) {

  /** Telegram's limit for one text message. */
  public static final int MAX_MESSAGE_LENGTH = 4096;

  public enum Updates {
    WEBHOOK,
    POLLING
  }

  public TelegramProperties {
    apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.telegram.org") : apiBaseUrl;
    updates = updates == null ? Updates.WEBHOOK : updates;
    pollTimeout = pollTimeout == null ? Duration.ofSeconds(25) : pollTimeout;
    messagesPerSecond = messagesPerSecond <= 0 ? 30 : messagesPerSecond;
    perChatInterval = perChatInterval == null ? Duration.ofSeconds(1) : perChatInterval;
  }
}
