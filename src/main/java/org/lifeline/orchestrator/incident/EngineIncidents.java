package org.lifeline.orchestrator.incident;

import java.util.List;

/** The engine's open incidents, from the embedded engine or a Camunda cluster. */
interface EngineIncidents {

  /** Oldest first, at most {@code limit}. */
  List<OpenIncident> open(int limit);
}
