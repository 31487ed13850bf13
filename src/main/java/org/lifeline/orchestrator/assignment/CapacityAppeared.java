package org.lifeline.orchestrator.assignment;

/**
 * Spring event: a specialist may have a free place now (added, resumed, changed, or a case was
 * released), so waiting requests are reconsidered after the transaction commits.
 */
public record CapacityAppeared() {}
