package org.lifeline.orchestrator.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeline.orchestrator.care.CaseClosed;
import org.lifeline.orchestrator.escalation.EscalationSignals;
import org.lifeline.orchestrator.escalation.SignalSource;
import org.lifeline.orchestrator.escalation.risk.RiskAssessment;
import org.lifeline.orchestrator.escalation.risk.RiskDetector;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback of helped cases: stored when the case closes, asked for and reminded of by the process, answered by the
 * person through the integrator or a one-time link. The database decides (answered or not), the engine is told.
 */
@Service
public class FeedbackService {

  static final String LINK_ACTOR = "feedback-link";
  static final String RISK_ACTOR = "risk-detector";
  private static final Pattern TOKEN = Pattern.compile("([0-9a-f-]{36})\\.([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final FeedbackRequestRepository feedback;
  private final RequestLifecycle lifecycle;
  private final Notifications notifications;
  private final RiskDetector detector;
  private final EscalationSignals signals;
  private final ApplicationEventPublisher events;
  private final FeedbackProperties properties;
  private final Clock clock;

  FeedbackService(
      FeedbackRequestRepository feedback,
      RequestLifecycle lifecycle,
      Notifications notifications,
      RiskDetector detector,
      EscalationSignals signals,
      ApplicationEventPublisher events,
      FeedbackProperties properties,
      Clock clock) {
    this.feedback = feedback;
    this.lifecycle = lifecycle;
    this.notifications = notifications;
    this.detector = detector;
    this.signals = signals;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** Stores the feedback step of a case closed as helped, once per request. */
  @Transactional
  public boolean caseClosed(CaseClosed closed) {
    if (!closed.helped() || feedback.existsByRequestId(closed.requestId())) {
      return false;
    }
    lifecycle.get(closed.requestId());
    feedback.save(new FeedbackRequest(closed.requestId(), closed.specialistId(), now()));
    return true;
  }

  /** When the case closed as helped: the feedback step counts from here. */
  @Transactional(readOnly = true)
  public Instant caseClosedAt(UUID requestId) {
    return row(requestId).getCaseClosedAt();
  }

  /**
   * The process asks for feedback: the request message is queued once, and not at all after an answer.
   *
   * @return when the person was first asked (or, answered already, when the step got here): the reminder counts from it
   */
  @Transactional
  public Instant ask(UUID requestId) {
    FeedbackRequest row = row(requestId);
    row.asked(now());
    if (!row.isAnswered() && !row.isFinished()) {
      notifications.enqueue(requestId, FeedbackProcess.TEMPLATE_FEEDBACK_REQUEST, FeedbackProcess.TEMPLATE_FEEDBACK_REQUEST);
    }
    return row.getAskedAt();
  }

  /**
   * The one reminder: queued once, never after an answer.
   *
   * @return when the person was reminded (or, answered already, now): the end of the feedback step counts from it
   */
  @Transactional
  public Instant remind(UUID requestId) {
    FeedbackRequest row = row(requestId);
    if (row.isAnswered() || row.isFinished()) {
      return now();
    }
    row.reminded(now());
    notifications.enqueue(requestId, FeedbackProcess.TEMPLATE_FEEDBACK_REMINDER, FeedbackProcess.TEMPLATE_FEEDBACK_REMINDER);
    return row.getRemindedAt();
  }

  /**
   * Issues a one-time link for the person: a new random token, of which only the SHA-256 hash is stored. Issuing again
   * replaces the previous link.
   */
  @Transactional
  public FeedbackLink issueLink(UUID requestId) {
    FeedbackRequest row = feedback.findByRequestId(requestId).orElseThrow(() -> FeedbackProblem.notAsked(requestId));
    refuseIfClosed(row);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt = now().plus(properties.linkValidity());
    row.issueToken(hash(encoded), expiresAt);
    String token = requestId + "." + encoded;
    return new FeedbackLink(requestId, token, "/api/v1/feedback/" + token, expiresAt);
  }

  /** An answer through the integrator (the bot): the request's feedback must be open and not yet answered. */
  @Transactional
  public void answer(UUID requestId, int rating, String comment, String actor) {
    FeedbackRequest row = feedback.findByRequestId(requestId).orElseThrow(() -> FeedbackProblem.notAsked(requestId));
    refuseIfClosed(row);
    store(row, rating, comment, actor);
  }

  /**
   * An answer through a one-time link. Invalid (unknown, altered, or another request's) is 404, used is 409,
   * expired is 410; nothing is stored then.
   */
  @Transactional
  public UUID answerWithToken(String token, int rating, String comment) {
    Matcher parts = TOKEN.matcher(token == null ? "" : token);
    if (!parts.matches()) {
      throw FeedbackProblem.invalidLink();
    }
    UUID requestId;
    try {
      requestId = UUID.fromString(parts.group(1));
    } catch (IllegalArgumentException notAnId) {
      throw FeedbackProblem.invalidLink();
    }
    FeedbackRequest row = feedback.findByRequestId(requestId).orElseThrow(FeedbackProblem::invalidLink);
    if (row.getTokenHash() == null
        || !MessageDigest.isEqual(
            row.getTokenHash().getBytes(StandardCharsets.US_ASCII),
            hash(parts.group(2)).getBytes(StandardCharsets.US_ASCII))) {
      throw FeedbackProblem.invalidLink();
    }
    if (row.isAnswered()) {
      throw FeedbackProblem.alreadyAnswered();
    }
    if (!now().isBefore(row.getTokenExpiresAt())) {
      throw FeedbackProblem.linkExpired();
    }
    refuseIfClosed(row);
    store(row, rating, comment, LINK_ACTOR);
    return requestId;
  }

  /**
   * Reads the answer for the process: the rating and what the risk detector finds in the comment. A comment with a
   * signal raises it (once): MEDIUM or HIGH starts the emergency escalation, LOW is recorded for review.
   */
  @Transactional
  public Assessment assess(UUID requestId) {
    FeedbackRequest row = row(requestId);
    if (!row.isAnswered()) {
      throw new IllegalStateException("Request " + requestId + " has no feedback answer to assess");
    }
    if (row.getCommentRisk() != null) {
      return new Assessment(row.getRating(), RiskLevel.valueOf(row.getCommentRisk()));
    }
    RiskAssessment risk = detector.assess(row.getComment(), null);
    if (risk.hasSignals()) {
      signals.raise(requestId, risk.level(), SignalSource.FEEDBACK, codes(risk), RISK_ACTOR);
    }
    row.assessed(risk.level().name(), null);
    return new Assessment(row.getRating(), risk.level());
  }

  /**
   * Ends the feedback step: records how it ended (answered or no feedback, and the follow-up) and closes the request,
   * unless it already ended otherwise (an escalation closed it, for example).
   */
  @Transactional
  public void close(UUID requestId, String followUp, String followUpOutcome) {
    FeedbackRequest row = row(requestId);
    if (row.isAnswered() && row.getCommentRisk() == null) {
      // Answered just as the step ran out: the comment is still scanned, so no risk in it goes unnoticed.
      assess(requestId);
    }
    if (followUp != null) {
      row.assessed(row.getCommentRisk(), followUp);
    }
    row.finish(followUpOutcome, now());
    HelpRequest request = lifecycle.get(requestId);
    if (request.getStatus().isFinal()) {
      return;
    }
    String reason = row.isAnswered() ? "feedback-received" : FeedbackRequest.NO_FEEDBACK;
    lifecycle.changeStatus(requestId, RequestStatus.CLOSED, reason, RequestLifecycle.SYSTEM);
  }

  @Transactional(readOnly = true)
  public Optional<FeedbackView> find(UUID requestId) {
    return feedback.findByRequestId(requestId).map(FeedbackView::of);
  }

  private void store(FeedbackRequest row, int rating, String comment, String actor) {
    if (row.isAnswered()) {
      throw FeedbackProblem.alreadyAnswered();
    }
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    row.answer(rating, text, actor, now());
    feedback.saveAndFlush(row);
    events.publishEvent(new FeedbackAnswered(row.getRequestId()));
  }

  private static void refuseIfClosed(FeedbackRequest row) {
    if (row.isAnswered()) {
      throw FeedbackProblem.alreadyAnswered();
    }
    if (row.isFinished()) {
      throw FeedbackProblem.ended();
    }
  }

  private FeedbackRequest row(UUID requestId) {
    return feedback
        .findByRequestId(requestId)
        .orElseThrow(() -> new IllegalStateException("No feedback is collected for request " + requestId));
  }

  private static String codes(RiskAssessment assessment) {
    return String.join(
        ",",
        assessment.signals().stream()
            .map(signal -> signal.negated() ? signal.id() + ":negated" : signal.id())
            .distinct()
            .toList());
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Microseconds, as the database stores them. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** What the process needs of an answer: the rating and the comment's risk level, never the comment. */
  public record Assessment(int rating, RiskLevel commentRisk) {}

  /** A one-time link: the token appears here once and is never stored. */
  public record FeedbackLink(UUID requestId, String token, String path, Instant expiresAt) {}
}
