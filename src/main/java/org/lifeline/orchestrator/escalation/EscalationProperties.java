package org.lifeline.orchestrator.escalation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param crisisLines the hotline text sent as crisis resources, by language tag ({@code en}, {@code ru}, {@code uk},
 *     or with a country: {@code ru-KZ}), with {@code default} for any other language
 * @param onDuty who is notified of an escalation: the primary on-duty supervisor at once, the backup when the review
 *     is not done within the first limit, everyone in {@code all} after the second
 */
@ConfigurationProperties("lifeline.escalation")
record EscalationProperties(Map<String, String> crisisLines, OnDuty onDuty) {

  EscalationProperties {
    crisisLines = crisisLines == null ? Map.of() : Map.copyOf(crisisLines);
    onDuty = onDuty == null ? new OnDuty(null, null, null) : onDuty;
  }

  record OnDuty(StaffMember primary, StaffMember backup, List<StaffMember> all) {
    OnDuty {
      all = all == null ? List.of() : List.copyOf(all);
    }
  }
}
