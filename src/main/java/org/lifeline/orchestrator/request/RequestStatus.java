package org.lifeline.orchestrator.request;

import java.util.EnumSet;
import java.util.Set;

/** The API contract of a request's lifecycle (see README, "Request statuses"). */
public enum RequestStatus {
  RECEIVED("intake"),
  QUALIFYING("qualification"),
  CURATOR_REVIEW("qualification"),
  QUESTIONNAIRE("questionnaire"),
  AWAITING_ASSIGNMENT("assignment"),
  ASSIGNED("assignment"),
  IN_PROGRESS("care"),
  FEEDBACK("feedback"),
  CLOSED("closed"),
  REDIRECTED_MINOR("closed"),
  REJECTED("closed"),
  ABANDONED("closed");

  /** The statuses a request ends in. */
  public static final Set<RequestStatus> FINAL = EnumSet.of(CLOSED, REDIRECTED_MINOR, REJECTED, ABANDONED);

  private final String stage;

  RequestStatus(String stage) {
    this.stage = stage;
  }

  /** The lifecycle stage this status belongs to. */
  public String stage() {
    return stage;
  }

  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
