package org.lifeline.orchestrator.benchmark;

import java.util.List;
import org.lifeline.orchestrator.request.RequestStatus;

/** What the benchmark drives: the stages a client acts in, in order, and the status every request must reach. */
final class Lifecycle {

  /** Add a stage here (e.g. a specialist confirming an assignment) and move {@link #TARGET} along with it. */
  static final List<StageDriver> STAGES = List.of(new IntakeStage(), new QuestionnaireStage());

  /** A request counts as fully processed once its history shows this status. */
  static final RequestStatus TARGET = RequestStatus.AWAITING_ASSIGNMENT;

  private Lifecycle() {}
}
