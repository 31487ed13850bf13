package org.lifeline.orchestrator.staff;

/**
 * Whether alerts reach a staff member's phone or inbox (e-mail, Telegram) rather than only the platform's log.
 * Implemented by the staff alerts; the rota uses it to warn about supervisors an emergency would not reach.
 */
public interface AlertReach {

  /** Whether a channel that reaches people (e-mail, Telegram) is set up; without one every alert goes to the log. */
  boolean realChannelConfigured();

  /**
   * Whether an alert to this staff member reaches them: they are enabled, and a real channel reaches them (or none is
   * set up, so the log is all there is, as in development).
   */
  boolean reaches(String username);
}
