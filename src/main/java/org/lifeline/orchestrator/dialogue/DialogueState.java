package org.lifeline.orchestrator.dialogue;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.lifeline.orchestrator.request.RequestStatus;

/** The platform's side of one request's chat dialogue (see V23__chat_dialogue.sql): ids and states, no words. */
@Entity
@Table(name = "chat_dialogue")
class DialogueState {

  @Id private UUID requestId;

  private String askedQuestion;
  private String offeredAgain;
  private boolean paused;

  @Enumerated(EnumType.STRING)
  private RequestStatus noticedStage;

  private String unannouncedQuestion;

  @Version private long version;

  protected DialogueState() {}

  /** The question was shown to the person. */
  void asked(String questionId) {
    askedQuestion = questionId;
  }

  boolean wasAsked(String questionId) {
    return questionId.equals(askedQuestion);
  }

  /** Offers the question again after words that answer no question, once per question: whether it is offered now. */
  boolean offerAgain(String questionId) {
    if (questionId.equals(offeredAgain)) {
      return false;
    }
    offeredAgain = questionId;
    return true;
  }

  void pause() {
    paused = true;
  }

  /** The person wrote again (or asked where they were): the questionnaire goes on. @return whether it was paused */
  boolean resume() {
    boolean was = paused;
    paused = false;
    return was;
  }

  boolean isPaused() {
    return paused;
  }

  /** Gives the notice of this stage unless it was given: whether it is given now. */
  boolean notice(RequestStatus stage) {
    if (stage == noticedStage) {
      return false;
    }
    noticedStage = stage;
    return true;
  }

  /** The request entered another status: its notice is yet to be given. */
  void stageChanged() {
    noticedStage = null;
  }

  void unannounced(String questionId) {
    unannouncedQuestion = questionId;
  }

  String unannouncedQuestion() {
    return unannouncedQuestion;
  }
}
