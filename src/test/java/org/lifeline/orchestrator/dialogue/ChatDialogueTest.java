package org.lifeline.orchestrator.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.dialogue.ChatDialogue.Reply;
import org.lifeline.orchestrator.dialogue.ChatDialogue.Turn;
import org.lifeline.orchestrator.escalation.CrisisResources;
import org.lifeline.orchestrator.escalation.risk.RiskDetector;
import org.lifeline.orchestrator.escalation.risk.RiskLexicon;
import org.lifeline.orchestrator.notification.ImmediateDelivery;
import org.lifeline.orchestrator.notification.Notifications;
import org.lifeline.orchestrator.questionnaire.QuestionView;
import org.lifeline.orchestrator.questionnaire.QuestionnaireConversation;
import org.lifeline.orchestrator.questionnaire.QuestionnaireConversation.Outcome;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RequestStatusChanged;

/** The chat dialogue's rules without database, engine or channel: what is answered to which words, in which state. */
class ChatDialogueTest {

  private static final UUID REQUEST = UUID.randomUUID();
  private static final RiskDetector DETECTOR = new RiskDetector(RiskLexicon.loadDefault());
  private static final String RISK = "I want to kill myself";

  private static final QuestionView TOPIC =
      new QuestionView("topic", "choice", true, "What would you like help with?", List.of(), null, null, null);
  private static final QuestionView DETAILS =
      new QuestionView("topicDetails", "text", false, "Tell us a little more", null, null, null, 2000);
  private static final QuestionView SAFETY =
      new QuestionView("safetyThoughts", "choice", true, "We ask everyone", List.of(), null, null, null);
  private static final QuestionView AGE = new QuestionView("age", "number", true, "How old are you?", null, 1, 120, null);

  private final RequestLifecycle lifecycle = mock(RequestLifecycle.class);
  private final AssignmentService assignment = mock(AssignmentService.class);
  private final QuestionnaireConversation questionnaire = mock(QuestionnaireConversation.class);
  private final Notifications notifications = mock(Notifications.class);
  private final ImmediateDelivery immediately = mock(ImmediateDelivery.class);
  private final HelpRequest request = mock(HelpRequest.class);
  private final InMemoryStates states = new InMemoryStates();
  private final ChatDialogue dialogue =
      new ChatDialogue(lifecycle, DETECTOR, assignment, questionnaire, notifications, immediately, states);

  @BeforeEach
  void aRequestInTheQuestionnaire() {
    when(lifecycle.get(REQUEST)).thenReturn(request);
    when(request.getStatus()).thenReturn(RequestStatus.QUESTIONNAIRE);
    when(assignment.holderOf(REQUEST)).thenReturn(Optional.empty());
    when(immediately.deliverWaiting(REQUEST, CrisisResources.TEMPLATE)).thenReturn(true);
    due(TOPIC);
  }

  @Test
  void everyTextIsFirstAMessageOfTheRequest() {
    answerIs(Outcome.NEXT, DETAILS);

    dialogue.hear(REQUEST, "Grief", false, "en");

    verify(lifecycle).recordInbound(REQUEST, "Grief", "contact");
  }

  @Test
  void riskAtAClosedQuestionIsAcknowledgedAfterTheCrisisResourcesAndPausesWithoutAnAnswer() {
    shown(TOPIC);

    Turn turn = dialogue.hear(REQUEST, RISK, false, "en");

    assertThat(turn).isEqualTo(new Turn(Reply.RISK_ACKNOWLEDGED, null));
    verify(immediately).deliverWaiting(REQUEST, CrisisResources.TEMPLATE);
    verify(questionnaire, never()).answer(any(), anyString(), anyString(), anyString());
    assertThat(states.state.isPaused()).isTrue();
  }

  @Test
  void riskAtAnOpenQuestionIsKeptAsItsAnswer() {
    due(DETAILS);
    shown(DETAILS);
    answerIs(Outcome.NEXT, SAFETY);

    Turn turn = dialogue.hear(REQUEST, RISK, false, "en");

    assertThat(turn.reply()).isEqualTo(Reply.RISK_ACKNOWLEDGED);
    verify(questionnaire).answer(REQUEST, RISK, "en", ChatDialogue.ACTOR);
    assertThat(states.state.isPaused()).isTrue();
  }

  @Test
  void nothingIsSaidBeforeTheCrisisResourcesAreOut() {
    when(immediately.deliverWaiting(REQUEST, CrisisResources.TEMPLATE)).thenReturn(false);

    assertThat(dialogue.hear(REQUEST, RISK, false, "en")).isEqualTo(Turn.NONE);
  }

  @Test
  void whilePausedNoQuestionIsShownUnlessThePersonAsksWhereTheyWere() {
    shown(AGE);
    states.state.pause();
    due(TOPIC);

    assertThat(dialogue.questionToAsk(REQUEST, "en", false)).isEmpty();
    assertThat(dialogue.questionToAsk(REQUEST, "en", true)).contains(TOPIC);
    assertThat(states.state.isPaused()).isFalse();
  }

  @Test
  void afterAPauseWordsAreAMessageAndTheQuestionComesGently() {
    due(DETAILS);
    states.state.pause();

    Turn turn = dialogue.hear(REQUEST, "thank you", false, "en");

    assertThat(turn).isEqualTo(new Turn(Reply.RESUMED, DETAILS));
    verify(questionnaire, never()).answer(any(), anyString(), anyString(), anyString());
    assertThat(states.state.wasAsked("topicDetails")).isTrue();
  }

  @Test
  void afterAPauseAButtonOfTheQuestionTheyHadSeenIsTaken() {
    shown(TOPIC);
    states.state.pause();
    answerIs(Outcome.NEXT, DETAILS);
    when(questionnaire.currentQuestion(REQUEST, "en")).thenReturn(Optional.of(TOPIC), Optional.of(DETAILS));

    assertThat(dialogue.hear(REQUEST, "Grief", false, "en")).isEqualTo(new Turn(Reply.NEXT, DETAILS));
  }

  @Test
  void wordsThatFitNoButtonAreNotedAndTheQuestionOfferedAgainOnce() {
    shown(TOPIC);
    answerIs(Outcome.NOT_AN_ANSWER, TOPIC);

    assertThat(dialogue.hear(REQUEST, "I don't know", false, "en")).isEqualTo(new Turn(Reply.NOTED_ASK_AGAIN, TOPIC));
    assertThat(dialogue.hear(REQUEST, "really", false, "en")).isEqualTo(new Turn(Reply.NOTED, null));
  }

  @Test
  void aNumberOutOfRangeIsToldWhatFits() {
    due(AGE);
    shown(AGE);
    answerIs(Outcome.INVALID, AGE);

    assertThat(dialogue.hear(REQUEST, "150", false, "en")).isEqualTo(new Turn(Reply.INVALID, AGE));
  }

  @Test
  void anAnswerTheEngineWasNotToldOfIsPassedOnWithTheNextMessageAndNotTakenForTheNextQuestion() {
    shown(TOPIC);
    answerIs(Outcome.RETRY, TOPIC);
    assertThat(dialogue.hear(REQUEST, "Grief", false, "en").reply()).isEqualTo(Reply.SEND_AGAIN);

    when(questionnaire.announceAgain(REQUEST, "topic", "en", ChatDialogue.ACTOR))
        .thenReturn(new QuestionnaireConversation.Reply(Outcome.NEXT, DETAILS, null));
    when(questionnaire.isStoredAnswer(REQUEST, "topic", "Grief")).thenReturn(true);
    due(DETAILS);

    assertThat(dialogue.hear(REQUEST, "Grief", false, "en")).isEqualTo(new Turn(Reply.NEXT, DETAILS));
    verify(questionnaire, times(1)).answer(any(), anyString(), anyString(), anyString());
    assertThat(states.state.unannouncedQuestion()).isNull();
  }

  @Test
  void aNextQuestionShownMeanwhileIsNotShownTwice() {
    shown(TOPIC);
    answerIs(Outcome.NEXT, DETAILS);
    when(questionnaire.currentQuestion(REQUEST, "en")).thenReturn(Optional.of(TOPIC), Optional.of(DETAILS));
    states.onNextChange = state -> state.asked("topicDetails");

    assertThat(dialogue.hear(REQUEST, "Grief", false, "en")).isEqualTo(new Turn(Reply.NEXT, null));
  }

  @Test
  void aSpecialistWhoAcceptedTheCaseGetsTheWordsWithoutABotReply() {
    when(assignment.holderOf(REQUEST)).thenReturn(Optional.of(UUID.randomUUID()));
    when(request.getStatus()).thenReturn(RequestStatus.IN_PROGRESS);

    assertThat(dialogue.hear(REQUEST, "Hello", false, "en")).isEqualTo(Turn.NONE);
    assertThat(dialogue.hear(REQUEST, RISK, false, "en")).isEqualTo(Turn.NONE);
    verify(notifications, never()).enqueue(any(), anyString(), anyString());
  }

  @Test
  void untilTheSpecialistAcceptsTheWordsArePassedOnAndRiskIsAcknowledged() {
    UUID specialist = UUID.randomUUID();
    when(assignment.holderOf(REQUEST)).thenReturn(Optional.of(specialist));
    when(request.getStatus()).thenReturn(RequestStatus.ASSIGNED);

    assertThat(dialogue.hear(REQUEST, "Hello", false, "en")).isEqualTo(Turn.NONE);
    verify(notifications).enqueue(REQUEST, ChatDialogue.TEMPLATE_PASSED_ON, ChatDialogue.TEMPLATE_PASSED_ON + ":" + specialist);
    assertThat(dialogue.hear(REQUEST, RISK, false, "en").reply()).isEqualTo(Reply.RISK_ACKNOWLEDGED);
  }

  @Test
  void whileWaitingForASpecialistThePersonIsToldOncePerStage() {
    when(request.getStatus()).thenReturn(RequestStatus.AWAITING_ASSIGNMENT);
    when(questionnaire.currentQuestion(REQUEST, "en")).thenReturn(Optional.empty());

    dialogue.hear(REQUEST, "Any news?", false, "en");
    dialogue.hear(REQUEST, "Hello?", false, "en");
    verify(notifications, times(1)).enqueue(eq(REQUEST), eq(ChatDialogue.TEMPLATE_WAITING), startsWith("waiting-for-specialist:"));

    dialogue.statusChanged(new RequestStatusChanged(REQUEST, Channel.TELEGRAM, RequestStatus.ASSIGNED));
    dialogue.statusChanged(new RequestStatusChanged(REQUEST, Channel.TELEGRAM, RequestStatus.AWAITING_ASSIGNMENT));
    dialogue.hear(REQUEST, "Still nobody?", false, "en");
    verify(notifications, times(2)).enqueue(eq(REQUEST), eq(ChatDialogue.TEMPLATE_WAITING), anyString());
  }

  @Test
  void aCuratorsReviewIsAnnouncedWhenItStartsAndNotAgainForMessages() {
    when(request.getStatus()).thenReturn(RequestStatus.CURATOR_REVIEW);
    when(questionnaire.currentQuestion(REQUEST, "en")).thenReturn(Optional.empty());

    dialogue.statusChanged(new RequestStatusChanged(REQUEST, Channel.TELEGRAM, RequestStatus.CURATOR_REVIEW));
    assertThat(dialogue.hear(REQUEST, "Are you there?", false, "en")).isEqualTo(Turn.NONE);

    verify(notifications, times(1)).enqueue(eq(REQUEST), eq(ChatDialogue.TEMPLATE_CURATOR_REVIEW), anyString());
  }

  @Test
  void channelsTheIntegratorsSpeakGetNoNotices() {
    dialogue.statusChanged(new RequestStatusChanged(REQUEST, Channel.API, RequestStatus.CURATOR_REVIEW));

    verify(notifications, never()).enqueue(any(), anyString(), anyString());
  }

  private void due(QuestionView question) {
    when(questionnaire.currentQuestion(REQUEST, "en")).thenReturn(Optional.of(question));
  }

  private void shown(QuestionView question) {
    states.state.asked(question.id());
  }

  private void answerIs(Outcome outcome, QuestionView question) {
    when(questionnaire.answer(eq(REQUEST), anyString(), eq("en"), eq(ChatDialogue.ACTOR)))
        .thenReturn(new QuestionnaireConversation.Reply(outcome, question, null));
  }

  /** One request's state in memory; a change can be preceded by another one (a concurrent question shown). */
  private static final class InMemoryStates extends DialogueStates {

    final DialogueState state = new DialogueState();
    Consumer<DialogueState> onNextChange;

    InMemoryStates() {
      super(null, null, null);
    }

    @Override
    <T> T change(UUID requestId, Function<DialogueState, T> change) {
      if (onNextChange != null && change != null) {
        Consumer<DialogueState> first = onNextChange;
        onNextChange = null;
        first.accept(state);
      }
      return change.apply(state);
    }

    @Override
    void changeIfPresent(UUID requestId, Consumer<DialogueState> change) {
      change.accept(state);
    }

    @Override
    DialogueState stateOf(UUID requestId) {
      return state;
    }
  }
}
