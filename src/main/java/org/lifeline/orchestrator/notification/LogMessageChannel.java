package org.lifeline.orchestrator.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The default delivery when no real adapter is configured for a channel: the message stays
 * visible in the outbox table and the request's history, and the log says it went out.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LogMessageChannel implements MessageChannel {

  private static final Logger log = LoggerFactory.getLogger(LogMessageChannel.class);

  @Override
  public boolean delivers(OutboundMessage message) {
    return true;
  }

  @Override
  public void send(OutboundMessage message, String channelUserId, String text) {
    log.info(
        "Message '{}' for request {} on {} ({} characters)",
        message.getTemplate() == null ? message.getKind() : message.getTemplate(),
        message.getRequestId(),
        message.getChannel().code(),
        text.length());
  }
}
