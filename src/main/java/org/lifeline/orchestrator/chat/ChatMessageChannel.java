package org.lifeline.orchestrator.chat;

import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.notification.MessageChannel;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Delivers the platform's messages and staff replies of chat requests to the person's page. The conversation store
 * keeps every one of them (a template as delivered, a reply as written), and the page reads them from there: handing
 * one over is holding it for the page, so it is {@code SENT} at once, and an open page is told after commit ({@link
 * ChatEvents}). A page that was closed reads everything when the person comes back (reload, another tab) while the
 * token is valid: at least once, never lost.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ChatMessageChannel implements MessageChannel {

  @Override
  public boolean delivers(OutboundMessage message) {
    return message.getChannel() == Channel.CHAT;
  }

  @Override
  public void send(OutboundMessage message, String channelUserId, String text) {
    // Held in the conversation, which the page reads: nothing leaves the platform here.
  }
}
