package org.lifeline.orchestrator.dialogue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.escalation.CrisisResources;
import org.lifeline.orchestrator.escalation.risk.RiskDetector;
import org.lifeline.orchestrator.notification.ImmediateDelivery;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.lifeline.orchestrator.questionnaire.QuestionView;
import org.lifeline.orchestrator.questionnaire.QuestionnaireConversation;
import org.lifeline.orchestrator.questionnaire.QuestionnaireConversation.Outcome;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RequestStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What the platform answers to a person's own words, in the channels where it holds the dialogue itself (the Telegram
 * bot and the web chat). Every text is first a message of the request: stored, scanned for risk,
 * part of the conversation. Then, in this order:
 *
 * <ol>
 *   <li>Words with a risk signal never get a validation error. The crisis resources (queued with the signal when it
 *       escalates) go out first, in this thread, before any other reply; the person is told that a person from the
 *       team will contact them; an open questionnaire pauses without asking its question again (words given at an
 *       open question are kept as its answer) until the person writes again.
 *   <li>Once a specialist holds the case, the words are for them: acknowledged once until the case is accepted.
 *   <li>While the questionnaire is open, the words answer the question due. Words that answer no closed question are
 *       a message for the team: acknowledged, and the question is offered again gently, once.
 *   <li>While a curator reviews the request or it waits for a specialist, the person is told so once per stage.
 * </ol>
 *
 * The channel words what this decides ({@link Turn}) in its own way: buttons, keyboard, texts.
 */
@Service
public class ChatDialogue {

  /** Outbound template: your message is passed on to your specialist, who will answer. */
  public static final String TEMPLATE_PASSED_ON = "message-passed-on";
  /** Outbound template: a curator looks at the request before the questionnaire goes on. */
  public static final String TEMPLATE_CURATOR_REVIEW = "curator-review";
  /** Outbound template: the request waits for a specialist. */
  public static final String TEMPLATE_WAITING = "waiting-for-specialist";
  /** Who the person is in the request's history and conversation. */
  static final String PERSON = "contact";
  static final String ACTOR = "chat";

  private static final String QUESTION_TYPE_TEXT = "text";

  /** The channels where the platform holds the dialogue itself. */
  private static final Set<Channel> CHANNELS = EnumSet.of(Channel.TELEGRAM, Channel.CHAT);

  private static final Logger log = LoggerFactory.getLogger(ChatDialogue.class);

  private final RequestLifecycle lifecycle;
  private final RiskDetector detector;
  private final AssignmentService assignment;
  private final QuestionnaireConversation questionnaire;
  private final Notifications notifications;
  private final ImmediateDelivery immediately;
  private final DialogueStates states;

  ChatDialogue(
      RequestLifecycle lifecycle,
      RiskDetector detector,
      AssignmentService assignment,
      QuestionnaireConversation questionnaire,
      Notifications notifications,
      ImmediateDelivery immediately,
      DialogueStates states) {
    this.lifecycle = lifecycle;
    this.detector = detector;
    this.assignment = assignment;
    this.questionnaire = questionnaire;
    this.notifications = notifications;
    this.immediately = immediately;
    this.states = states;
  }

  /**
   * Takes what the person wrote to their open request and decides the answer.
   *
   * @param text as written (sensitive): stored in the conversation, never in the engine
   * @param skips the person chose to skip the question (a channel's skip button); the text is still stored
   * @param language the language questions are shown in
   */
  public Turn hear(UUID requestId, String text, boolean skips, String language) {
    // Stored and scanned in one transaction: an escalating signal queues the crisis resources with it.
    ConflictRetry.run(() -> lifecycle.recordInbound(requestId, text, PERSON));
    // The same reading as the scanner's (the whole lexicon, whatever the request's language).
    boolean risky = detector.assess(text, null).hasSignals();
    Optional<UUID> specialist = assignment.holderOf(requestId);
    Turn turn;
    if (specialist.isPresent()) {
      turn = toSpecialist(requestId, specialist.get(), risky);
    } else if (risky) {
      turn = riskHeard(requestId, text, language);
    } else {
      turn = answer(requestId, skips ? "" : text, text, language);
    }
    return settled(requestId, turn);
  }

  /**
   * The question to show now, when the questionnaire has one due that was not shown yet (or {@code again}: the person
   * asked where they were, which also ends a pause); it counts as shown.
   */
  public Optional<QuestionView> questionToAsk(UUID requestId, String language, boolean again) {
    return dueQuestion(
        requestId,
        language,
        (state, questionId) -> {
          if (again) {
            state.resume();
          } else if (state.isPaused() || state.wasAsked(questionId)) {
            return false;
          }
          state.asked(questionId);
          return true;
        });
  }

  /**
   * The question a page shows now (the web chat shows the due question whenever it is drawn): the one due, counted as
   * shown; none while the questionnaire is paused after a risk signal, or when no question is due.
   */
  public Optional<QuestionView> questionOnScreen(UUID requestId, String language) {
    return dueQuestion(
        requestId,
        language,
        (state, questionId) -> {
          if (state.isPaused()) {
            return false;
          }
          if (!state.wasAsked(questionId)) {
            state.asked(questionId);
          }
          return true;
        });
  }

  /** The question due now, if the rule (which may record it as shown) says it is to be shown. */
  private Optional<QuestionView> dueQuestion(
      UUID requestId, String language, BiPredicate<DialogueState, String> shownNow) {
    Optional<QuestionView> due = questionnaire.currentQuestion(requestId, language);
    if (due.isEmpty()) {
      return due;
    }
    String questionId = due.get().id();
    return states.change(requestId, state -> shownNow.test(state, questionId)) ? due : Optional.empty();
  }

  /** Takes back the person's latest answer ("back"): its question, shown again; empty when there is none. */
  public Optional<QuestionView> takeBack(UUID requestId, String language) {
    Optional<QuestionView> again = questionnaire.back(requestId, language);
    again.ifPresent(
        question ->
            states.update(
                requestId,
                state -> {
                  state.resume();
                  state.asked(question.id());
                }));
    return again;
  }

  /**
   * A status change: the stage's notice is yet to be given. Entering a curator's review follows the person's answer
   * (the age), so they are told at once; in the transaction of the change, so the notice and the status go together.
   */
  @EventListener
  void statusChanged(RequestStatusChanged change) {
    if (!CHANNELS.contains(change.channel())) {
      return;
    }
    if (change.status() == RequestStatus.CURATOR_REVIEW) {
      DialogueState state = states.stateOf(change.requestId());
      state.stageChanged();
      notice(state, change.requestId(), RequestStatus.CURATOR_REVIEW);
    } else {
      states.changeIfPresent(change.requestId(), DialogueState::stageChanged);
    }
  }

  private Turn toSpecialist(UUID requestId, UUID specialistId, boolean risky) {
    if (lifecycle.get(requestId).getStatus() == RequestStatus.IN_PROGRESS) {
      // They are talking: the specialist reads it (and the escalation puts a supervisor on a risk).
      return Turn.NONE;
    }
    if (risky) {
      return Turn.of(Reply.RISK_ACKNOWLEDGED);
    }
    notifications.enqueue(requestId, TEMPLATE_PASSED_ON, TEMPLATE_PASSED_ON + ":" + specialistId);
    return Turn.NONE;
  }

  private Turn riskHeard(UUID requestId, String text, String language) {
    Optional<QuestionView> due = questionnaire.currentQuestion(requestId, language);
    if (due.isPresent()) {
      boolean keepAsAnswer =
          QUESTION_TYPE_TEXT.equals(due.get().type()) && states.change(requestId, state -> state.wasAsked(due.get().id()));
      if (keepAsAnswer) {
        // Asked to tell in their own words, they did: asking it again would ask them to repeat it.
        QuestionnaireConversation.Reply kept = questionnaire.answer(requestId, text, language, ACTOR);
        if (kept.outcome() == Outcome.RETRY) {
          states.update(requestId, state -> state.unannounced(due.get().id()));
        }
      }
      states.update(requestId, DialogueState::pause);
    }
    return Turn.of(Reply.RISK_ACKNOWLEDGED);
  }

  private Turn answer(UUID requestId, String answer, String text, String language) {
    String unannounced = states.change(requestId, DialogueState::unannouncedQuestion);
    if (unannounced != null) {
      QuestionnaireConversation.Reply announced = questionnaire.announceAgain(requestId, unannounced, language, ACTOR);
      if (announced.outcome() == Outcome.RETRY) {
        return Turn.of(Reply.SEND_AGAIN);
      }
      states.update(requestId, state -> state.unannounced(null));
      if (questionnaire.isStoredAnswer(requestId, unannounced, answer)) {
        // They sent it again, as they were asked to.
        return turnOf(requestId, announced, language);
      }
    }
    Optional<QuestionView> due = questionnaire.currentQuestion(requestId, language);
    if (due.isEmpty()) {
      return stageNotice(requestId);
    }
    boolean resumed = states.change(requestId, DialogueState::resume);
    if (resumed
        && (QUESTION_TYPE_TEXT.equals(due.get().type())
            || !states.change(requestId, state -> state.wasAsked(due.get().id())))) {
      // Words after a pause are a message; the question comes with them, gently, before any answer is taken.
      return Turn.of(Reply.RESUMED, due.get());
    }
    QuestionnaireConversation.Reply reply = questionnaire.answer(requestId, answer, language, ACTOR);
    return switch (reply.outcome()) {
      case NOT_OPEN -> stageNotice(requestId);
      case NOT_AN_ANSWER, INVALID -> {
        if (resumed) {
          yield Turn.of(Reply.RESUMED, reply.question());
        }
        if (reply.outcome() == Outcome.INVALID) {
          yield Turn.of(Reply.INVALID, reply.question());
        }
        boolean offered = states.change(requestId, state -> state.offerAgain(reply.question().id()));
        yield offered ? Turn.of(Reply.NOTED_ASK_AGAIN, reply.question()) : Turn.of(Reply.NOTED);
      }
      case RETRY -> {
        states.update(requestId, state -> state.unannounced(due.get().id()));
        yield Turn.of(Reply.SEND_AGAIN);
      }
      case NEXT, COMPLETE -> turnOf(requestId, reply, language);
    };
  }

  /**
   * The answer was taken: thanks when it was the last, else the question due now. None while the flow decides what
   * comes next (the age is qualified first): the question is shown when the questionnaire opens.
   */
  private Turn turnOf(UUID requestId, QuestionnaireConversation.Reply taken, String language) {
    if (taken.outcome() == Outcome.COMPLETE) {
      return Turn.of(Reply.COMPLETE);
    }
    return Turn.of(Reply.NEXT, questionnaire.currentQuestion(requestId, language).orElse(null));
  }

  /** While a curator reviews the request or it waits for a specialist: said once per stage. */
  private Turn stageNotice(UUID requestId) {
    RequestStatus status = lifecycle.get(requestId).getStatus();
    if (status == RequestStatus.CURATOR_REVIEW || status == RequestStatus.AWAITING_ASSIGNMENT) {
      states.change(requestId, state -> notice(state, requestId, status));
    }
    return Turn.NONE;
  }

  private boolean notice(DialogueState state, UUID requestId, RequestStatus stage) {
    if (!state.notice(stage)) {
      return false;
    }
    String template = stage == RequestStatus.CURATOR_REVIEW ? TEMPLATE_CURATOR_REVIEW : TEMPLATE_WAITING;
    return notifications.enqueue(requestId, template, template + ":" + UUID.randomUUID());
  }

  /**
   * Nothing is said before the crisis resources this update caused: they go out now, in this thread. When the channel
   * cannot take them now, the outbox keeps trying and the rest of the answer is left out (the crisis text itself says
   * that the team will reach out); the question is shown when the person writes again.
   */
  private Turn settled(UUID requestId, Turn turn) {
    if (!immediately.deliverWaiting(requestId, CrisisResources.TEMPLATE)) {
      log.warn("Crisis resources for request {} are not out yet: the chat's answer is left out", requestId);
      return Turn.NONE;
    }
    QuestionView question = turn.question();
    if (question == null) {
      return turn;
    }
    boolean show =
        states.change(
            requestId,
            state -> {
              // The questionnaire may have opened meanwhile and shown its question already (questionToAsk).
              if (turn.reply() == Reply.NEXT && state.wasAsked(question.id())) {
                return false;
              }
              state.asked(question.id());
              return true;
            });
    return show ? turn : Turn.of(turn.reply());
  }

  /** What the channel says, in this order; {@code question} is shown after the words (with its buttons). */
  public enum Reply {
    /** Nothing to say: the outbox speaks (a notice, "passed on to your specialist"), or the specialist will. */
    NONE,
    /** The answer is stored; {@code question} is the next one (none while the flow decides what comes next). */
    NEXT,
    /** The last required answer is stored: thanks, a specialist is being found. */
    COMPLETE,
    /** Thank you for telling us; a person from the team will contact you; the questions can wait. */
    RISK_ACKNOWLEDGED,
    /** A message for the team, then {@code question} offered again gently. */
    NOTED_ASK_AGAIN,
    /** A message for the team, briefly (the question was offered again already). */
    NOTED,
    /** After a pause: a message for the team, and {@code question} when they are ready. */
    RESUMED,
    /** Meant as an answer but out of bounds: what fits {@code question} (its range, its length). */
    INVALID,
    /** Stored, but the flow could not be told: send the same answer again. */
    SEND_AGAIN
  }

  /** The chat's answer to one message. */
  public record Turn(Reply reply, QuestionView question) {

    static final Turn NONE = new Turn(Reply.NONE, null);

    static Turn of(Reply reply) {
      return new Turn(reply, null);
    }

    static Turn of(Reply reply, QuestionView question) {
      return new Turn(reply, question);
    }
  }
}
