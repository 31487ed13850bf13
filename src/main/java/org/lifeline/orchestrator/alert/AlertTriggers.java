package org.lifeline.orchestrator.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.request.InboundMessageRecorded;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RequestStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Alerts that follow from what happens to a request, queued in the transaction that records it: a case reserved for
 * a specialist (they are asked to accept it; once per reservation), and the person writing in a case a specialist holds (at most one alert
 * per case every 10 minutes). A specialist record without a console username has nobody to alert.
 */
@Component
class AlertTriggers {

  private final StaffAlerts alerts;
  private final AssignmentService assignment;
  private final RequestLifecycle lifecycle;

  AlertTriggers(StaffAlerts alerts, AssignmentService assignment, RequestLifecycle lifecycle) {
    this.alerts = alerts;
    this.assignment = assignment;
    this.lifecycle = lifecycle;
  }

  @EventListener
  void statusChanged(RequestStatusChanged change) {
    if (change.status() != RequestStatus.ASSIGNED) {
      return;
    }
    Optional<UUID> specialist = assignment.holderOf(change.requestId());
    Optional<String> username = assignment.holderUsername(change.requestId()).filter(name -> !name.isBlank());
    Optional<Instant> reserved = assignment.heldSince(change.requestId());
    if (specialist.isPresent() && username.isPresent() && reserved.isPresent()) {
      // One alert per reservation: the same specialist reserved again later (A, then B, then A) is alerted again.
      alerts.alert(
          AlertEvent.CASE_ASSIGNED,
          change.requestId(),
          lifecycle.get(change.requestId()).getRiskLevel(),
          List.of(username.get()),
          "specialist-" + specialist.get() + "-reserved-" + reserved.get());
    }
  }

  @EventListener
  void inbound(InboundMessageRecorded message) {
    assignment.holderUsername(message.requestId())
        .filter(name -> !name.isBlank())
        .ifPresent(
            specialist ->
                alerts.newMessage(
                    message.requestId(), specialist, lifecycle.get(message.requestId()).getRiskLevel(), message.at()));
  }
}
