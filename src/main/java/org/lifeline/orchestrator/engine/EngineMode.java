package org.lifeline.orchestrator.engine;

/** Where the workflow engine runs. The same BPMN files and workers serve both. */
public enum EngineMode {
  /** The Zeebe in-memory engine, started inside this application (the zero-setup default). */
  EMBEDDED,
  /** A real Camunda 8.8 orchestration cluster, configured with the standard camunda.client.* properties. */
  CAMUNDA
}
