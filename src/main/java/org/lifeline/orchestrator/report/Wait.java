package org.lifeline.orchestrator.report;

/**
 * The times a summary measures, each from intake ({@code received_at}) to the time in a fact column, kept in seconds
 * beside it ({@code assigned_at}: {@code assigned_after_s}). Another wait is one more pair of fact columns and one more
 * constant here.
 */
enum Wait {
  /** Until a specialist was first reserved for the request (status ASSIGNED). */
  INTAKE_TO_ASSIGNMENT("intakeToAssignment", "assigned_at"),
  /** Until a staff member first wrote to the person (a reply in the case conversation). */
  INTAKE_TO_FIRST_REPLY("intakeToFirstReply", "first_reply_at"),
  /** Until the specialist closed the case (with any outcome). */
  INTAKE_TO_CASE_CLOSED("intakeToCaseClosed", "case_closed_at"),
  /** Until the request was first CLOSED (after feedback for a helped case). */
  INTAKE_TO_CLOSED("intakeToClosed", "closed_at");

  private final String figure;
  private final String column;

  Wait(String figure, String column) {
    this.figure = figure;
    this.column = column;
  }

  String figure() {
    return figure;
  }

  String column() {
    return column;
  }

  /** The fact column with the seconds from intake to this point; null for a request that did not get there. */
  String secondsColumn() {
    return column.replace("_at", "_after_s");
  }
}
