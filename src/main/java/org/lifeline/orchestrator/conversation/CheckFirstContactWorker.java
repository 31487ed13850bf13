package org.lifeline.orchestrator.conversation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.MessageKind;
import org.springframework.stereotype.Component;

/**
 * When the first-contact time has passed: has the specialist holding the case written to the person? Asks the
 * database, so a first reply whose message the engine never got (a restart, an expired message) still counts.
 * Returns {@code firstContactMade}; true when nobody holds the case any more (there is nothing to watch).
 */
@Component
public class CheckFirstContactWorker {

  private final AssignmentService assignment;
  private final ConversationMessageRepository messages;

  CheckFirstContactWorker(AssignmentService assignment, ConversationMessageRepository messages) {
    this.assignment = assignment;
    this.messages = messages;
  }

  @JobWorker(type = HelpRequestProcess.JOB_CHECK_FIRST_CONTACT)
  public Map<String, Object> checkFirstContact(@Variable String requestId) {
    UUID id = UUID.fromString(requestId);
    if (assignment.holderOf(id).isEmpty()) {
      return Map.of(Variables.FIRST_CONTACT_MADE, true);
    }
    Optional<String> holder = assignment.holderUsername(id);
    boolean replied = holder.isPresent() && messages.existsByRequestIdAndKindAndAuthor(id, MessageKind.REPLY, holder.get());
    return Map.of(Variables.FIRST_CONTACT_MADE, replied);
  }
}
