package org.lifeline.orchestrator.report;

import java.util.Arrays;
import java.util.List;
import org.lifeline.orchestrator.request.RequestStatus;

/**
 * The lifecycle's stages in the order a request goes through them, as {@link RequestStatus#stage()} names them:
 * intake, qualification, questionnaire, assignment, care, feedback, closed.
 */
final class Stages {

  static final String CLOSED = RequestStatus.CLOSED.stage();

  /** Every stage, in order. */
  static final List<String> ALL = Arrays.stream(RequestStatus.values()).map(RequestStatus::stage).distinct().toList();

  /** The stages where work is done, in order: every stage but the closed one. */
  static final List<String> WORKING = ALL.stream().filter(stage -> !stage.equals(CLOSED)).toList();

  private Stages() {}

  static int order(String stage) {
    return ALL.indexOf(stage);
  }

  /** The bits of a stage's statuses in {@code report_request.reached} (bit n: the n-th status). */
  static int bitsOf(String stage) {
    return statusesOf(stage).stream().mapToInt(status -> 1 << status.ordinal()).reduce(0, (a, b) -> a | b);
  }

  /** The statuses of a stage. */
  static List<RequestStatus> statusesOf(String stage) {
    return Arrays.stream(RequestStatus.values()).filter(status -> status.stage().equals(stage)).toList();
  }
}
