package org.lifeline.orchestrator.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a new request before anything else happens to it: nothing that arrives is lost. */
@Service
class IntakeService {

  private final ContactDirectory contacts;
  private final HelpRequestRepository requests;
  private final RequestLifecycle lifecycle;
  private final Clock clock;

  IntakeService(ContactDirectory contacts, HelpRequestRepository requests, RequestLifecycle lifecycle, Clock clock) {
    this.contacts = contacts;
    this.requests = requests;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** The request this caller stored earlier under this idempotency key, if its body was the same. */
  @Transactional(readOnly = true)
  Optional<HelpRequest> earlierRequest(String caller, String idempotencyKey, IntakeRequest body) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return requests
        .findByIdempotencyScopeAndIdempotencyKey(caller, idempotencyKey)
        .map(
            earlier -> {
              if (!fingerprint(body).equals(earlier.getIdempotencyFingerprint())) {
                throw new IdempotencyConflictException(idempotencyKey);
              }
              return earlier;
            });
  }

  /** Contact, request, first history entries: one transaction, all or nothing. */
  @Transactional
  HelpRequest receive(IntakeRequest body, String idempotencyKey, String actor, String integrator) {
    Contact contact = contacts.findOrCreate(body.channel(), body.channelUserId());
    contact.update(body.displayName(), body.language());
    HelpRequest request = new HelpRequest(contact.getId(), body.channel(), body.age(), body.language(), clock.instant());
    request.rememberIntegrator(integrator);
    if (idempotencyKey != null) {
      request.rememberIdempotencyKey(actor, idempotencyKey, fingerprint(body));
    }
    HelpRequest saved = lifecycle.register(request, actor);
    if (body.message() != null && !body.message().isBlank()) {
      lifecycle.recordInbound(saved.getId(), body.message(), "contact");
    }
    requests.flush();
    return saved;
  }

  /** A digest of the body, so a reused key with another body is refused without storing the body. */
  private static String fingerprint(IntakeRequest body) {
    String canonical =
        String.join(
            "\u0000",
            body.channel().code(),
            body.channelUserId(),
            Objects.toString(body.displayName(), ""),
            Objects.toString(body.age(), ""),
            Objects.toString(body.language(), ""),
            Objects.toString(body.message(), ""));
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
