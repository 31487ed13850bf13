package org.lifeline.orchestrator.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.questionnaire.QuestionnaireAnswer;
import org.lifeline.orchestrator.questionnaire.QuestionnaireAnswerRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestProcess.ExclusionReasons;
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
  /** Outbox template telling the person that another specialist takes over their case. */
  public static final String TEMPLATE_REASSIGNMENT_NOTICE = "reassignment-notice";
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
   * The best specialist for the request and the next best ones (for the curator to choose from), leaving out
   * everyone excluded for it; the specialist who already holds it (a re-driven request) is proposed again, without
   * alternatives. Without a match the request joins the waiting queue; with one it leaves it.
   */
  @Transactional
  public ProposalResult propose(UUID requestId) {
    HelpRequest request = lifecycle.get(requestId);
    Set<UUID> excluded = exclusions.excludedFor(requestId);
    String risk = request.getRiskLevel().name();
    Optional<UUID> holder = capacity.holderOf(requestId);
    if (holder.isPresent()) {
      queue.remove(requestId);
      Optional<Candidate> held = holder.flatMap(specialists::findById).map(this::asCandidate);
      return new ProposalResult(held, List.of(), excluded.size(), risk);
    }
    MatchCriteria criteria = criteriaOf(request).excluding(excluded);
    Optional<Proposal> proposal = matcher.proposeFor(criteria);
    if (proposal.isPresent()) {
      queue.remove(requestId);
      return new ProposalResult(
          Optional.of(proposal.get().specialist()), proposal.get().alternatives(), excluded.size(), risk);
    }
    queue.enqueue(requestId, criteria, request.isPriority());
    return new ProposalResult(Optional.empty(), List.of(), excluded.size(), risk);
  }

  /**
   * Who could take over the request from the specialist holding it, best first: those the matcher would propose for
   * it now (language, age group, a shift for a HIGH risk, free places), leaving out the holder and everyone excluded
   * for it.
   */
  @Transactional(readOnly = true)
  public List<Candidate> candidatesToTakeOver(UUID requestId, int limit) {
    Set<UUID> excluded = new HashSet<>(exclusions.excludedFor(requestId));
    capacity.holderOf(requestId).ifPresent(excluded::add);
    return matcher.rank(criteriaOf(lifecycle.get(requestId)).excluding(excluded), limit);
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
    return release(requestId, specialistId, reason, RequestLifecycle.SYSTEM);
  }

  private int release(UUID requestId, UUID specialistId, String reason, String actor) {
    if (capacity.release(specialistId, requestId)) {
      events.publishEvent(new CapacityAppeared());
    }
    exclusions.exclude(requestId, specialistId, reason);
    if (!lifecycle.get(requestId).getStatus().isFinal()) {
      lifecycle.changeStatus(requestId, RequestStatus.AWAITING_ASSIGNMENT, reason, actor);
    }
    return exclusions.excludedFor(requestId).size();
  }

  /**
   * A curator moves the request to another specialist: the one holding it is released and not proposed for it again
   * (reason {@value HelpRequestProcess.ExclusionReasons#REASSIGNED}), a place of the chosen one is reserved
   * ({@code ASSIGNED}, they accept or decline like any proposal) and the person is told once ({@value
   * #TEMPLATE_REASSIGNMENT_NOTICE}). The status changes name the curator as their actor. A repeated call (a
   * redelivered job) finds the chosen specialist holding the request and changes nothing.
   *
   * @param requestedBy the curator's username
   * @return the chosen specialist's console username ("" without one); empty when their place went meanwhile (the
   *     request is then {@code AWAITING_ASSIGNMENT} and proposed like any other)
   */
  @Transactional
  public Optional<String> reassign(UUID requestId, UUID specialistId, String requestedBy) {
    Optional<UUID> holder = capacity.holderOf(requestId);
    if (holder.filter(specialistId::equals).isEmpty()) {
      holder.ifPresent(current -> release(requestId, current, ExclusionReasons.REASSIGNED, requestedBy));
      if (!capacity.reserve(specialistId, requestId)) {
        return Optional.empty();
      }
      lifecycle.changeStatus(requestId, RequestStatus.ASSIGNED, ExclusionReasons.REASSIGNED, requestedBy);
      notifications.enqueue(
          requestId, TEMPLATE_REASSIGNMENT_NOTICE, TEMPLATE_REASSIGNMENT_NOTICE + ":" + specialistId);
    }
    String username = specialists.findById(specialistId).map(Specialist::getUsername).orElse(null);
    return Optional.of(username == null ? "" : username);
  }

  /** The specialist currently holding the request, if any. */
  @Transactional(readOnly = true)
  public Optional<UUID> holderOf(UUID requestId) {
    return capacity.holderOf(requestId);
  }

  /** When the current holder's reservation of the request was made, if anybody holds it: one moment per reservation. */
  @Transactional(readOnly = true)
  public Optional<Instant> heldSince(UUID requestId) {
    return capacity.reservedAt(requestId);
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

  private Candidate asCandidate(Specialist specialist) {
    return new Candidate(
        specialist.getId(),
        specialist.getName(),
        specialist.getActiveCases(),
        specialist.getMaxCases(),
        specialist.isOnShiftAt(clock.instant()),
        true);
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
   * @param specialist the proposed specialist; empty: nobody matches, the request waits
   * @param alternatives the next best specialists, best first, for the curator to choose from instead
   * @param failedAttempts how many specialists declined, timed out, were passed over or reassigned away
   * @param riskLevel the request's current risk level
   */
  public record ProposalResult(
      Optional<Candidate> specialist, List<Candidate> alternatives, int failedAttempts, String riskLevel) {

    public ProposalResult {
      alternatives = List.copyOf(alternatives);
    }

    public Optional<UUID> specialistId() {
      return specialist.map(Candidate::specialistId);
    }
  }
}
