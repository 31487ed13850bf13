package org.lifeline.orchestrator.telegram;

import org.lifeline.orchestrator.alert.AlertChannel;
import org.lifeline.orchestrator.alert.AlertMessage;
import org.lifeline.orchestrator.alert.StaffNotifier;
import org.lifeline.orchestrator.staff.StaffContact;

/**
 * Alerts to staff in the Telegram chat they linked to their account (the bot's chat with them), within the bot's send
 * limits; a staff member who blocked the bot is unreachable there.
 */
class TelegramStaffNotifier implements StaffNotifier {

  private final TelegramBotApi api;
  private final SendRateLimiter limiter;

  TelegramStaffNotifier(TelegramBotApi api, SendRateLimiter limiter) {
    this.api = api;
    this.limiter = limiter;
  }

  @Override
  public AlertChannel channel() {
    return AlertChannel.TELEGRAM;
  }

  @Override
  public boolean reaches(StaffContact contact) {
    return contact.telegramChatId().isPresent();
  }

  @Override
  public void send(StaffContact to, AlertMessage message) {
    long chatId = to.telegramChatId().orElseThrow();
    limiter.acquire(chatId);
    api.sendMessage(chatId, message.subject() + "\n\n" + message.text(), null);
  }
}
