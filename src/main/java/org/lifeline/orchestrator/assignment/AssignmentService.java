package org.lifeline.orchestrator.assignment;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.questionnaire.QuestionnaireAnswer;
import org.lifeline.orchestrator.questionnaire.QuestionnaireAnswerRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assignment stage's steps, called by thin workers: propose (or queue), reserve, release. Each
 * is idempotent, so a retried job changes nothing twice.
 */
@Service
public class AssignmentService {

  /** Outbox template telling the person a specialist will contact them. */
  public static final String TEMPLATE_ASSIGNMENT_NOTICE = "assignment-notice";
  static final String QUESTION_LANGUAGE = "language";
  static final String QUESTION_TOPIC = "topic";

  private final RequestLifecycle lifecycle;
  private final QuestionnaireAnswerRepository answers;
  private final SpecialistMatcher matcher;
  private final SpecialistCapacity capacity;
  private final WaitingQueue queue;
  private final AssignmentExclusions exclusions;
  private final SpecialistRepository specialists;
  private final Notifications notifications;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AssignmentService(
      RequestLifecycle lifecycle,
      QuestionnaireAnswerRepository answers,
      SpecialistMatcher matcher,
      SpecialistCapacity capacity,
      WaitingQueue queue,
      AssignmentExclusions exclusions,
      SpecialistRepository specialists,
      Notifications notifications,
      ApplicationEventPublisher events,
      Clock clock) {
    this.lifecycle = lifecycle;
    this.answers = answers;
    this.matcher = matcher;
    this.capacity = capacity;
    this.queue = queue;
    this.exclusions = exclusions;
    this.specialists = specialists;
    this.notifications = notifications;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The best specialist for the request, leaving out everyone excluded for it; the specialist who
   * already holds it (a re-driven request) is proposed again. Without a match the request joins the
   * waiting queue; with one it leaves it.
   */
  @Transactional
  public ProposalResult propose(UUID requestId) {
    HelpRequest request = lifecycle.get(requestId);
    Set<UUID> excluded = exclusions.excludedFor(requestId);
    Optional<UUID> holder = capacity.holderOf(requestId);
    if (holder.isPresent()) {
      queue.remove(requestId);
      return new ProposalResult(holder, excluded.size(), request.getRiskLevel().name());
    }
    MatchCriteria criteria = criteriaOf(request).excluding(excluded);
    Optional<UUID> proposed = matcher.proposeFor(criteria).map(proposal -> proposal.specialist().specialistId());
    if (proposed.isPresent()) {
      queue.remove(requestId);
    } else {
      queue.enqueue(requestId, criteria, request.isPriority());
    }
    return new ProposalResult(proposed, excluded.size(), request.getRiskLevel().name());
  }

  /**
   * Takes one of the specialist's places for the request, marks it {@code ASSIGNED} and tells the
   * person (once per specialist).
   *
   * @return the specialist's console username ("" without one), empty when the place is gone
   */
  @Transactional
  public Optional<String> reserve(UUID requestId, UUID specialistId) {
    if (!capacity.reserve(specialistId, requestId)) {
      return Optional.empty();
    }
    lifecycle.changeStatus(requestId, RequestStatus.ASSIGNED, RequestLifecycle.SYSTEM);
    notifications.enqueue(requestId, TEMPLATE_ASSIGNMENT_NOTICE, TEMPLATE_ASSIGNMENT_NOTICE + ":" + specialistId);
    String username = specialists.findById(specialistId).map(Specialist::getUsername).orElse(null);
    return Optional.of(username == null ? "" : username);
  }

  /**
   * The specialist will not take the request: frees their place (waking waiting requests), never
   * proposes them for it again, and puts the request back to {@code AWAITING_ASSIGNMENT}.
   *
   * @return the request's number of failed attempts so far
   */
  @Transactional
  public int release(UUID requestId, UUID specialistId, String reason) {
    if (capacity.release(specialistId, requestId)) {
      events.publishEvent(new CapacityAppeared());
    }
    exclusions.exclude(requestId, specialistId, reason);
    if (!lifecycle.get(requestId).getStatus().isFinal()) {
      lifecycle.changeStatus(requestId, RequestStatus.AWAITING_ASSIGNMENT, reason, RequestLifecycle.SYSTEM);
    }
    return exclusions.excludedFor(requestId).size();
  }

  /** The specialist currently holding the request, if any. */
  @Transactional(readOnly = true)
  public Optional<UUID> holderOf(UUID requestId) {
    return capacity.holderOf(requestId);
  }

  /** Whether the specialist with this console username holds the request (from the reservation until the case ends). */
  @Transactional(readOnly = true)
  public boolean isHeldBy(UUID requestId, String username) {
    Optional<UUID> holder = capacity.holderOf(requestId);
    return holder.isPresent() && holder.equals(specialistWithUsername(username));
  }

  /** The console username of the specialist holding the request, if any holds it and has a username. */
  @Transactional(readOnly = true)
  public Optional<String> holderUsername(UUID requestId) {
    return capacity.holderOf(requestId).flatMap(specialists::findById).map(Specialist::getUsername);
  }

  /** The requests the specialist with this console username holds now, newest first. */
  @Transactional(readOnly = true)
  public List<HeldCase> casesHeldBy(String username) {
    return specialistWithUsername(username).map(capacity::heldBy).orElse(List.of());
  }

  /** Whether the specialist with this username held the request at some time (now or before). */
  @Transactional(readOnly = true)
  public boolean hasHeld(UUID requestId, String username) {
    return specialistWithUsername(username).map(id -> capacity.hasHeld(id, requestId)).orElse(false);
  }

  /** The name the specialist with this console username is shown with, if registered. */
  @Transactional(readOnly = true)
  public Optional<String> nameOf(String username) {
    return specialists.findByUsername(username).map(Specialist::getName);
  }

  /** The specialist with this console username, if any. */
  @Transactional(readOnly = true)
  public Optional<UUID> specialistWithUsername(String username) {
    return specialists.findByUsername(username).map(Specialist::getId);
  }

  /** The case is over: frees the specialist's place, which may wake waiting requests. */
  @Transactional
  public void finish(UUID requestId, UUID specialistId) {
    if (capacity.release(specialistId, requestId)) {
      events.publishEvent(new CapacityAppeared());
    }
  }

  /** What the request needs, from its stored questionnaire answers, stated age and risk level. */
  private MatchCriteria criteriaOf(HelpRequest request) {
    Map<String, String> latest = new HashMap<>();
    for (QuestionnaireAnswer answer : answers.findByRequestIdOrderByAnsweredAtAscIdAsc(request.getId())) {
      latest.put(answer.getQuestionId(), answer.getAnswer());
    }
    String language = latest.getOrDefault(QUESTION_LANGUAGE, request.getLanguage());
    AgeGroup ageGroup = request.getStatedAge() == null ? null : AgeGroup.of(request.getStatedAge());
    return new MatchCriteria(
        language, latest.get(QUESTION_TOPIC), ageGroup, request.getRiskLevel(), null, clock.instant());
  }

  /**
   * @param specialistId the proposed specialist; empty: nobody matches, the request waits
   * @param failedAttempts how many specialists declined, timed out or were passed over
   * @param riskLevel the request's current risk level
   */
  public record ProposalResult(Optional<UUID> specialistId, int failedAttempts, String riskLevel) {}
}
