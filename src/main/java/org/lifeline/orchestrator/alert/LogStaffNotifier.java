package org.lifeline.orchestrator.alert;

import org.lifeline.orchestrator.staff.StaffContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The development channel, and the one for staff no other channel reaches (configured users, accounts without
 * e-mail or Telegram): the alert is written to the log as a warning. It reaches nobody's phone: give staff an e-mail
 * address or a linked Telegram chat.
 */
@Component
class LogStaffNotifier implements StaffNotifier {

  private static final Logger log = LoggerFactory.getLogger(LogStaffNotifier.class);

  @Override
  public AlertChannel channel() {
    return AlertChannel.LOG;
  }

  @Override
  public boolean reaches(StaffContact contact) {
    return true;
  }

  @Override
  public void send(StaffContact to, AlertMessage message) {
    log.warn("STAFF ALERT for {}: {} ({})", to.username(), message.subject(), message.link());
  }
}
