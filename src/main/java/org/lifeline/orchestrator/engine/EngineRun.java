package org.lifeline.orchestrator.engine;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Identifies the engine whose state our process instances live in. An embedded engine forgets
 * everything on restart, so each start is a new run and instances of earlier runs are gone; a
 * Camunda cluster keeps its state, so it is one run forever.
 */
@Component
public class EngineRun {

  private static final String CLUSTER_RUN = "cluster";

  private final String id;

  EngineRun(EngineProperties properties) {
    this.id = properties.isEmbedded() ? "embedded-" + UUID.randomUUID() : CLUSTER_RUN;
  }

  public String id() {
    return id;
  }
}
