package org.lifeline.orchestrator.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The default when no adapter is configured for a staff channel: the alert is logged (and in the history). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LogStaffNotifier implements StaffNotifier {

  private static final Logger log = LoggerFactory.getLogger(LogStaffNotifier.class);

  @Override
  public boolean delivers(String channel) {
    return true;
  }

  @Override
  public void notify(StaffMember member, StaffAlert alert) {
    log.warn(
        "ESCALATION ALERT ({}) for {} on {}: request {}, risk {}, escalation {}",
        alert.reason(),
        member.username(),
        member.channel(),
        alert.requestId(),
        alert.level(),
        alert.escalationId());
  }
}
