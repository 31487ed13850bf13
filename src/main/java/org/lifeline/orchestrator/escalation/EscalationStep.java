package org.lifeline.orchestrator.escalation;

import java.util.Locale;

/** Steps of an escalation, as its history entries ({@code ESCALATION}, field {@code step}) and the list show them. */
enum EscalationStep {
  /** The escalation began: the person has the crisis resources; the supervisor task is open. */
  OPENED,
  ON_DUTY_NOTIFIED,
  BACKUP_NOTIFIED,
  ALL_SUPERVISORS_ALERTED,
  /** The supervisor let the request continue, with top priority. */
  CONTINUED,
  /** The supervisor closed the request. */
  CLOSED,
  /** Its process instance was lost with an embedded engine's restart; a new escalation took over. */
  RE_DRIVEN;

  String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
