package org.lifeline.orchestrator.alert;

import org.lifeline.orchestrator.staff.StaffContact;

/**
 * Delivers alerts to staff on one channel (e-mail, Telegram, the log). Called by the staff-alert outbox, which
 * retries with backoff: throw {@link org.lifeline.orchestrator.notification.RetryLaterException} when the channel asks
 * to wait, {@link org.lifeline.orchestrator.notification.RecipientUnreachableException} when the staff member cannot
 * be reached there at all (not retried), anything else for a failure to retry.
 */
public interface StaffNotifier {

  AlertChannel channel();

  /** Whether this staff member can be reached on the channel (an address, a linked chat). */
  boolean reaches(StaffContact contact);

  void send(StaffContact to, AlertMessage message);
}
