package org.lifeline.orchestrator.benchmark;

import java.util.concurrent.CompletableFuture;

/**
 * One stage of the lifecycle as a client drives it (a bot, a specialist, the person). The benchmark runs the stages of
 * {@link Lifecycle#stages} in order for every synthetic request.
 */
interface StageDriver {

  String name();

  /** Drives the journey's request through this stage; completes exceptionally when the stage cannot be done. */
  CompletableFuture<Void> drive(Journey journey, PlatformHttp http);
}
