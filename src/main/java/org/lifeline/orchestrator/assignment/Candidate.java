package org.lifeline.orchestrator.assignment;

import java.util.UUID;

/**
 * A specialist who could take a request, with why they rank where they do.
 *
 * @param onShift their weekly availability covers the moment of matching
 * @param topicMatch they cover the request's topic (always true when the request has no topic preference)
 */
public record Candidate(
    UUID specialistId, String name, int activeCases, int maxCases, boolean onShift, boolean topicMatch) {

  /**
   * How a curator sees the candidate when choosing (a form's option, the reassignment list): the name, the load and
   * why they rank where they do. Staff facts only, never the person's.
   */
  public String label() {
    return name
        + " ("
        + activeCases
        + " of "
        + maxCases
        + " cases, "
        + (onShift ? "on shift now" : "not on shift now")
        + (topicMatch ? "" : ", topic not listed")
        + ")";
  }
}
