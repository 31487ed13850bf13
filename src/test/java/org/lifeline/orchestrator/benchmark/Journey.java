package org.lifeline.orchestrator.benchmark;

import java.util.UUID;

/**
 * One synthetic person's request as the benchmark drives it: an adult's first request, with the language and topic
 * the person chooses in the questionnaire (specialists of that language exist, see {@link SpecialistOnboarding}).
 */
final class Journey {

  final int number;
  final String runId;
  final String language;
  final String topic;
  volatile UUID requestId;
  volatile long intakeNanos = -1;
  /** The username of the specialist the platform assigned, once their task showed up. */
  volatile String specialist;
  volatile String failure;

  Journey(int number, String runId, String language, String topic) {
    this.number = number;
    this.runId = runId;
    this.language = language;
    this.topic = topic;
  }

  /** A handle no other journey of any run uses: every request is a first request of an adult. */
  String channelUserId() {
    return "bench-" + runId + "-" + number;
  }
}
