package org.lifeline.orchestrator.notification;

/**
 * Delivers outbound messages on one channel (Telegram, an integrator's webhook, e-mail, ...). A message is a process
 * template or a staff reply ({@link OutboundMessage#getKind()}); an adapter shows a reply with its sender's name
 * ({@link OutboundMessage#getSenderName()}) as its channel allows, and may use the message id to let the receiver
 * drop a duplicate (delivery is at least once). What the channel answered decides the delivery state.
 */
public interface MessageChannel {

  /**
   * Whether this adapter delivers the message: by its channel, or by who brought the request (an integrator's webhook).
   * The first adapter in order that does, delivers it.
   */
  boolean delivers(OutboundMessage message);

  /**
   * Sends the text. Returns when the channel took it ({@code SENT}); throws {@link RetryLaterException} when the
   * channel asks to wait, {@link RecipientUnreachableException} when nobody can receive it there ({@code
   * UNREACHABLE}, not retried), anything else for a failure the outbox retries with backoff ({@code FAILED} after the
   * last attempt).
   *
   * @param channelUserId the person's handle on the channel (sensitive)
   */
  void send(OutboundMessage message, String channelUserId, String text);
}
