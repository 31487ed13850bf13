package org.lifeline.orchestrator.benchmark;

import java.util.UUID;

/** One synthetic person's request as the benchmark drives it. */
final class Journey {

  final int number;
  final String runId;
  volatile UUID requestId;
  volatile long intakeNanos = -1;
  volatile String failure;

  Journey(int number, String runId) {
    this.number = number;
    this.runId = runId;
  }

  /** A handle no other journey of any run uses: every request is a first request of an adult. */
  String channelUserId() {
    return "bench-" + runId + "-" + number;
  }
}
