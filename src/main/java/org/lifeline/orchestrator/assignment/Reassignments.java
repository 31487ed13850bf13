package org.lifeline.orchestrator.assignment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess.Messages;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * A curator moves an accepted case to another specialist. Checked here against the database, then handed to the
 * request's process as {@value Messages#REASSIGNMENT_REQUESTED}, which interrupts the care stage; the process releases
 * the current specialist and reserves the chosen one ({@link ReassignSpecialistWorker}). Nothing is written here: the
 * process does it in one transaction, or nothing happens. No transaction is held while the engine is called.
 */
@Service
public class Reassignments {

  private final RequestLifecycle lifecycle;
  private final SpecialistCapacity capacity;
  private final SpecialistRegistry registry;
  private final CamundaClient client;

  Reassignments(
      RequestLifecycle lifecycle, SpecialistCapacity capacity, SpecialistRegistry registry, CamundaClient client) {
    this.lifecycle = lifecycle;
    this.capacity = capacity;
    this.registry = registry;
    this.client = client;
  }

  /**
   * Asks the request's process to move the case to the specialist.
   *
   * @param requestedBy the curator's username (recorded as the actor of the status changes)
   * @throws org.lifeline.orchestrator.request.RequestNotFoundException 404 for an unknown request
   * @throws ErrorResponseException 400 (no such specialist), 409 (the case is not accepted, nobody holds it, the
   *     specialist holds it already, is paused or has no free place, or another reassignment is under way), 503 (the
   *     engine cannot be reached)
   */
  public Reassignment request(UUID requestId, UUID specialistId, String requestedBy) {
    HelpRequest request = lifecycle.get(requestId);
    if (request.getStatus() != RequestStatus.IN_PROGRESS) {
      throw conflict(
          "The request is "
              + request.getStatus()
              + ": only a case a specialist has accepted (IN_PROGRESS) can be reassigned");
    }
    UUID holder = capacity.holderOf(requestId).orElseThrow(() -> conflict("Nobody holds this case any more"));
    SpecialistLoad chosen =
        registry.load(specialistId).orElseThrow(() -> invalidSpecialist("is not a registered specialist"));
    if (chosen.id().equals(holder)) {
      throw conflict(chosen.name() + " holds this case already");
    }
    if (!chosen.active()) {
      throw conflict(chosen.name() + " is paused");
    }
    if (!chosen.hasFreePlace()) {
      throw conflict(chosen.name() + " has no free place (" + chosen.activeCases() + " of " + chosen.maxCases() + ")");
    }
    publish(requestId, holder, specialistId, requestedBy);
    SpecialistLoad from = registry.load(holder).orElseThrow();
    return new Reassignment(requestId, Staff.of(from), Staff.of(chosen), requestedBy);
  }

  private void publish(UUID requestId, UUID holder, UUID specialistId, String requestedBy) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(Messages.REASSIGNMENT_REQUESTED)
          .correlationKey(requestId.toString())
          // One reassignment of a holder at a time: a second one (a double click) is refused while the first waits.
          .messageId(Messages.REASSIGNMENT_REQUESTED + ":" + requestId + ":" + holder)
          .timeToLive(Messages.REASSIGNMENT_REQUESTED_TIME_TO_LIVE)
          .variables(
              Map.of(
                  Variables.REASSIGN_TO_SPECIALIST_ID, specialistId.toString(),
                  Variables.REASSIGNED_BY, requestedBy))
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
        throw conflict("A reassignment of this case is already under way");
      }
      throw new ErrorResponseException(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE, "The process engine cannot be reached right now. Try again shortly."),
          e);
    }
  }

  private static ErrorResponseException conflict(String detail) {
    return new ErrorResponseException(
        HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
  }

  private static ErrorResponseException invalidSpecialist(String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "specialistId " + message);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", "specialistId", "message", message)));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /**
   * A reassignment handed to the process: it releases {@code from} and reserves {@code to}, who accepts or declines.
   */
  public record Reassignment(UUID requestId, Staff from, Staff to, String requestedBy) {}

  /** A member of staff as the board names them. */
  public record Staff(UUID id, String name, String username) {
    static Staff of(SpecialistLoad load) {
      return new Staff(load.id(), load.name(), load.username());
    }
  }
}
