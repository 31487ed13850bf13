package org.lifeline.orchestrator.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.lifeline.orchestrator.platform.UniqueKeyRaces;
import org.lifeline.orchestrator.request.HelpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Takes a request in: store first, then hand it to the engine (right after, or later if it is down). */
@Component
public class Intake {

  /** Requests submitted, by integrator ({@value #NO_INTEGRATOR}: staff, the public form, the Telegram bot) and outcome. */
  static final String SUBMISSIONS = "lifeline.intake.submissions";
  static final String NO_INTEGRATOR = "none";
  private static final int RACE_ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(Intake.class);

  private final IntakeService service;
  private final RequestDispatcher dispatcher;
  private final MeterRegistry metrics;

  Intake(IntakeService service, RequestDispatcher dispatcher, MeterRegistry metrics) {
    this.service = service;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
  }

  /** A request from a person's channel the platform serves itself (Telegram bot), staff or the public web form. */
  public Submission submit(IntakeRequest body, String idempotencyKey, String actor) {
    return submit(body, idempotencyKey, actor, null);
  }

  /**
   * @param actor who submits: the history's actor and the owner of the idempotency key
   * @param integrator the integrator submitting, which alone may read and write the request; null for anyone else
   */
  public Submission submit(IntakeRequest body, String idempotencyKey, String actor, String integrator) {
    for (int attempt = 1; ; attempt++) {
      Optional<HelpRequest> earlier = service.earlierRequest(actor, idempotencyKey, body);
      if (earlier.isPresent()) {
        if (attempt > 1) {
          log.info(
              "Concurrent submissions by {} with one Idempotency-Key: request {} was stored first and answers both",
              actor,
              earlier.get().getId());
        }
        return counted(new Submission(earlier.get(), true), integrator);
      }
      try {
        HelpRequest stored = UniqueKeyRaces.expect(() -> service.receive(body, idempotencyKey, actor, integrator));
        dispatcher.startSoon(stored.getId());
        return counted(new Submission(stored, false), integrator);
      } catch (DataIntegrityViolationException concurrentSubmission) {
        // A concurrent retry with the same key, or a first request of the same new contact, was stored meanwhile:
        // look again (the unique constraints keep the database right; Hibernate does not log this expected refusal).
        if (attempt == RACE_ATTEMPTS) {
          throw concurrentSubmission;
        }
      }
    }
  }


  private Submission counted(Submission submission, String integrator) {
    metrics
        .counter(
            SUBMISSIONS,
            "integrator", integrator == null ? NO_INTEGRATOR : integrator,
            "outcome", submission.replayed() ? "replayed" : "new")
        .increment();
    return submission;
  }

  public record Submission(HelpRequest request, boolean replayed) {}
}
