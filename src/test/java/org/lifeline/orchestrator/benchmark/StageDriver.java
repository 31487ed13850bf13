package org.lifeline.orchestrator.benchmark;

import java.util.concurrent.CompletableFuture;

/**
 * One stage of the lifecycle as a client drives it (a bot, a curator, a specialist). The benchmark runs the stages of
 * {@link Lifecycle#STAGES} in order for every synthetic request; a later stage of the platform is one more driver there.
 */
interface StageDriver {

  String name();

  /** Drives the journey's request through this stage; completes exceptionally when the stage cannot be done. */
  CompletableFuture<Void> drive(Journey journey, PlatformHttp http);
}
