package org.lifeline.orchestrator.staff;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rota used until an administrator sets one ({@code lifeline.escalation.on-duty}): usernames of supervisors.
 *
 * @param all everyone alerted when the review is later still
 */
@ConfigurationProperties("lifeline.escalation.on-duty")
record OnDutyDefaults(String primary, String backup, List<String> all) {

  OnDutyDefaults {
    all = all == null ? List.of() : List.copyOf(all);
  }
}
