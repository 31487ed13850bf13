package org.lifeline.orchestrator.care;

/** Outcome codes a specialist closes a case with. */
public final class CaseOutcomes {

  /** Bean-validation pattern: helped, referred (elsewhere), no-show, withdrawn (the person stopped). */
  public static final String PATTERN = "helped|referred|no-show|withdrawn";

  private CaseOutcomes() {}
}
