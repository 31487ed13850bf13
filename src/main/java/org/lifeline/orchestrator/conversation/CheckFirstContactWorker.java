package org.lifeline.orchestrator.conversation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.alert.AlertEvent;
import org.lifeline.orchestrator.alert.StaffAlerts;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.MessageKind;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.staff.StaffDirectory;
import org.lifeline.orchestrator.staff.StaffRole;
import org.springframework.stereotype.Component;

/**
 * When the first-contact time has passed: has the specialist holding the case written to the person? Asks the
 * database, so a first reply whose message the engine never got (a restart, an expired message) still counts.
 * Returns {@code firstContactMade}; true when nobody holds the case any more (there is nothing to watch). When no reply
 * was made, the curators are alerted of the task *Case without first contact* that follows (once per check).
 */
@Component
public class CheckFirstContactWorker {

  private final AssignmentService assignment;
  private final ConversationMessageRepository messages;
  private final StaffAlerts alerts;
  private final StaffDirectory staff;
  private final RequestLifecycle lifecycle;

  CheckFirstContactWorker(
      AssignmentService assignment,
      ConversationMessageRepository messages,
      StaffAlerts alerts,
      StaffDirectory staff,
      RequestLifecycle lifecycle) {
    this.assignment = assignment;
    this.messages = messages;
    this.alerts = alerts;
    this.staff = staff;
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = HelpRequestProcess.JOB_CHECK_FIRST_CONTACT)
  public Map<String, Object> checkFirstContact(@Variable String requestId, ActivatedJob job) {
    UUID id = UUID.fromString(requestId);
    if (assignment.holderOf(id).isEmpty()) {
      return Map.of(Variables.FIRST_CONTACT_MADE, true);
    }
    Optional<String> holder = assignment.holderUsername(id);
    boolean replied = holder.isPresent() && messages.existsByRequestIdAndKindAndAuthor(id, MessageKind.REPLY, holder.get());
    if (!replied) {
      alerts.alert(
          AlertEvent.FIRST_CONTACT_TASK,
          id,
          lifecycle.get(id).getRiskLevel(),
          staff.withRole(StaffRole.CURATOR),
          "check-" + job.getElementInstanceKey());
    }
    return Map.of(Variables.FIRST_CONTACT_MADE, replied);
  }
}
