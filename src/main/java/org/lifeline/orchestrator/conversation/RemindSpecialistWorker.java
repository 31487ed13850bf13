package org.lifeline.orchestrator.conversation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.alert.AlertEvent;
import org.lifeline.orchestrator.alert.StaffAlerts;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Curators asked to remind the specialist of the first contact: a {@code STAFF_REMINDED} history entry and an alert to
 * the specialist (each once per task, however often the job is delivered); <em>My cases</em> shows the reminder on the
 * case until they write to the person.
 */
@Component
public class RemindSpecialistWorker {

  static final String FIRST_CONTACT = "first-contact";
  static final String ACTOR = "curators";
  private static final Logger log = LoggerFactory.getLogger(RemindSpecialistWorker.class);

  private final AssignmentService assignment;
  private final RequestLifecycle lifecycle;
  private final StaffAlerts alerts;

  RemindSpecialistWorker(AssignmentService assignment, RequestLifecycle lifecycle, StaffAlerts alerts) {
    this.assignment = assignment;
    this.lifecycle = lifecycle;
    this.alerts = alerts;
  }

  @JobWorker(type = HelpRequestProcess.JOB_REMIND_SPECIALIST, fetchVariables = Variables.REQUEST_ID)
  public Map<String, Object> remindSpecialist(ActivatedJob job) {
    UUID requestId = UUID.fromString((String) job.getVariablesAsMap().get(Variables.REQUEST_ID));
    String specialist = assignment.holderUsername(requestId).orElse("");
    String reference = "step-" + job.getElementInstanceKey();
    if (!specialist.isEmpty()) {
      alerts.alert(
          AlertEvent.FIRST_CONTACT_REMINDER, requestId, lifecycle.get(requestId).getRiskLevel(), List.of(specialist), reference);
    }
    RequestLifecycle.StaffReminder reminder = lifecycle.recordStaffReminder(requestId, FIRST_CONTACT, specialist, reference, ACTOR);
    if (reminder.recordedNow()) {
      log.info("Specialist '{}' reminded to contact the person of request {}", specialist, requestId);
    }
    // The watch counts again from the reminder, as the database recorded it (a redelivered job keeps the first time).
    return Map.of(Variables.FIRST_CONTACT_SINCE, reminder.at().truncatedTo(ChronoUnit.MILLIS).toString());
  }
}
