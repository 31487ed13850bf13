package org.lifeline.orchestrator.notification;

import org.lifeline.orchestrator.contact.Channel;

/** Delivers rendered messages on one channel (Telegram, e-mail, ...). */
public interface MessageChannel {

  /** Whether this adapter delivers messages of that channel. */
  boolean delivers(Channel channel);

  /**
   * Sends the text; throws when it could not be delivered, and the outbox retries.
   *
   * @param channelUserId the person's handle on the channel (sensitive)
   */
  void send(OutboundMessage message, String channelUserId, String text);
}
