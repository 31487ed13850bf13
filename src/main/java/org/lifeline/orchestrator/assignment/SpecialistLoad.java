package org.lifeline.orchestrator.assignment;

import java.time.Instant;
import java.util.UUID;

/**
 * How busy a specialist is now, for the curators' board: staff facts only.
 *
 * @param active false when paused (not proposed)
 * @param onShiftNow one of their weekly shifts covers this moment in their time zone
 */
public record SpecialistLoad(
    UUID id, String name, String username, boolean active, int activeCases, int maxCases, boolean onShiftNow) {

  static SpecialistLoad of(Specialist specialist, Instant now) {
    return new SpecialistLoad(
        specialist.getId(),
        specialist.getName(),
        specialist.getUsername(),
        specialist.isActive(),
        specialist.getActiveCases(),
        specialist.getMaxCases(),
        specialist.isOnShiftAt(now));
  }

  public boolean hasFreePlace() {
    return active && activeCases < maxCases;
  }
}
