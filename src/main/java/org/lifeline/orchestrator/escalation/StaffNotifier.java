package org.lifeline.orchestrator.escalation;

/** Delivers escalation alerts to staff on one channel (chat, e-mail, pager, ...). */
public interface StaffNotifier {

  /** Whether this adapter delivers alerts on that channel. */
  boolean delivers(String channel);

  /** Sends the alert; throws when it could not, and the job is retried. */
  void notify(StaffMember member, StaffAlert alert);
}
