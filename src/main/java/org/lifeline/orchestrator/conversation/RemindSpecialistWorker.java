package org.lifeline.orchestrator.conversation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Curators asked to remind the specialist of the first contact: a {@code STAFF_REMINDED} history entry (once per
 * task, however often the job is delivered), which the specialist's <em>My cases</em> shows on the case until they
 * write to the person. Staff have no alert channel of their own yet; the log says it too.
 */
@Component
public class RemindSpecialistWorker {

  static final String FIRST_CONTACT = "first-contact";
  static final String ACTOR = "curators";
  private static final Logger log = LoggerFactory.getLogger(RemindSpecialistWorker.class);

  private final AssignmentService assignment;
  private final RequestLifecycle lifecycle;

  RemindSpecialistWorker(AssignmentService assignment, RequestLifecycle lifecycle) {
    this.assignment = assignment;
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = HelpRequestProcess.JOB_REMIND_SPECIALIST, fetchVariables = Variables.REQUEST_ID)
  public void remindSpecialist(ActivatedJob job) {
    UUID requestId = UUID.fromString((String) job.getVariablesAsMap().get(Variables.REQUEST_ID));
    String specialist = assignment.holderUsername(requestId).orElse("");
    if (lifecycle.recordStaffReminder(
        requestId, FIRST_CONTACT, specialist, "step-" + job.getElementInstanceKey(), ACTOR)) {
      log.info("Specialist '{}' reminded to contact the person of request {}", specialist, requestId);
    }
  }
}
