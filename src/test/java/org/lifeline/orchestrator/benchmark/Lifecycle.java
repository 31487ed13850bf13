package org.lifeline.orchestrator.benchmark;

import java.util.List;
import org.lifeline.orchestrator.benchmark.PlatformHttp.Caller;
import org.lifeline.orchestrator.request.RequestStatus;

/** What the benchmark drives: the stages clients act in, in order, and the statuses it measures. */
final class Lifecycle {

  /** A request counts as fully processed when it is in this status at the end. */
  static final RequestStatus TARGET = RequestStatus.CLOSED;

  /** The status right after the platform set the specialist: the end of "intake to assignment". */
  static final RequestStatus ASSIGNED = RequestStatus.ASSIGNED;

  /** The status once the specialist closed the case as helped: the request's own process has ended. */
  static final RequestStatus HELP_CLOSED = RequestStatus.FEEDBACK;

  private Lifecycle() {}

  /**
   * Intake and questionnaire (the bot), assignment and care (the assigned specialist), feedback (the bot and the
   * person). Add a stage here, in the order a request meets it.
   */
  static List<StageDriver> stages(Caller bot, TaskBoard board) {
    return List.of(
        new IntakeStage(bot), new QuestionnaireStage(bot), new AcceptStage(board), new CareStage(), new FeedbackStage(bot));
  }
}
