package org.lifeline.orchestrator.notification;

/**
 * The person cannot be reached on this channel any more (e.g. they blocked the bot): retrying would
 * only loop, so the message is given up at once and curators are told.
 */
public class RecipientUnreachableException extends RuntimeException {

  public RecipientUnreachableException(String message) {
    super(message);
  }
}
