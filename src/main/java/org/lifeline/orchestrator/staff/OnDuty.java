package org.lifeline.orchestrator.staff;

import java.util.List;

/**
 * Who is alerted of an escalation now: the primary at once, the backup when the review is late, everyone in {@code
 * all} when it is later still. Usernames of supervisors.
 *
 * @param backup null when nobody is set
 */
public record OnDuty(String primary, String backup, List<String> all) {

  public OnDuty {
    all = all == null ? List.of() : List.copyOf(all);
  }
}
