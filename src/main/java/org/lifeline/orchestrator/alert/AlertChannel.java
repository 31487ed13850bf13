package org.lifeline.orchestrator.alert;

/** How an alert reaches a staff member; the log is for development and for staff without e-mail or Telegram. */
public enum AlertChannel {
  EMAIL,
  TELEGRAM,
  LOG
}
