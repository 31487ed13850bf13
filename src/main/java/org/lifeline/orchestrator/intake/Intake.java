package org.lifeline.orchestrator.intake;

import java.util.Optional;
import org.lifeline.orchestrator.request.HelpRequest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Takes a request in: store first, then hand it to the engine (right after, or later if it is down). */
@Component
public class Intake {

  private final IntakeService service;
  private final RequestDispatcher dispatcher;

  Intake(IntakeService service, RequestDispatcher dispatcher) {
    this.service = service;
    this.dispatcher = dispatcher;
  }

  public Submission submit(IntakeRequest body, String idempotencyKey, String actor) {
    Optional<HelpRequest> earlier = service.earlierRequest(idempotencyKey, body);
    if (earlier.isPresent()) {
      return new Submission(earlier.get(), true);
    }
    HelpRequest stored;
    try {
      stored = service.receive(body, idempotencyKey, actor);
    } catch (DataIntegrityViolationException concurrentSubmission) {
      // A concurrent retry with the same key, or a first request of the same new contact, won.
      earlier = service.earlierRequest(idempotencyKey, body);
      if (earlier.isPresent()) {
        return new Submission(earlier.get(), true);
      }
      stored = service.receive(body, idempotencyKey, actor);
    }
    dispatcher.startSoon(stored.getId());
    return new Submission(stored, false);
  }

  public record Submission(HelpRequest request, boolean replayed) {}
}
