package org.lifeline.orchestrator.alert;

import java.util.UUID;

/** What an alert to staff is about, with the sentence it says and the console page it links to. Never content. */
public enum AlertEvent {
  ESCALATION_ON_DUTY(
      "escalation: you are on duty",
      "A risk escalation was opened and you are the on-duty supervisor: review it now.",
      "/console/tasks"),
  ESCALATION_BACKUP(
      "escalation not reviewed: you are the backup",
      "A risk escalation has not been reviewed in time and you are the backup supervisor: review it now.",
      "/console/tasks"),
  ESCALATION_ALL(
      "escalation still not reviewed",
      "A risk escalation is still not reviewed: every supervisor is alerted. Review it now.",
      "/console/tasks"),
  CASE_ASSIGNED(
      "a case is assigned to you",
      "A case was assigned to you: accept or decline it in your tasks.",
      "/console/tasks"),
  NEW_MESSAGE(
      "new message in your case",
      "The person in a case you hold wrote a new message.",
      "/console/cases/{requestId}"),
  FIRST_CONTACT_TASK(
      "case without first contact",
      "A specialist has not written to the person of an accepted case in time: a curator decides what happens next.",
      "/console/tasks"),
  FIRST_CONTACT_REMINDER(
      "please contact the person",
      "The curators remind you to write to the person of a case you accepted.",
      "/console/cases/{requestId}");

  private final String subject;
  private final String sentence;
  private final String page;

  AlertEvent(String subject, String sentence, String page) {
    this.subject = subject;
    this.sentence = sentence;
    this.page = page;
  }

  /** The short form for an e-mail subject. */
  public String subject() {
    return subject;
  }

  /** What happened and what to do, for the alert's text. */
  public String sentence() {
    return sentence;
  }

  /** The console page to open. */
  String pageFor(UUID requestId) {
    return page.replace("{requestId}", requestId == null ? "" : requestId.toString());
  }
}
