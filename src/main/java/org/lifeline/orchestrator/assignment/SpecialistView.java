package org.lifeline.orchestrator.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A specialist as the API shows it; {@code shifts} are the stored windows (night shifts split at midnight). */
public record SpecialistView(
    UUID id,
    String name,
    String username,
    List<String> languages,
    List<String> topics,
    List<AgeGroup> ageGroups,
    String timeZone,
    List<ShiftInput> shifts,
    int maxCases,
    int activeCases,
    boolean active,
    Instant lastAssignedAt,
    Instant createdAt,
    Instant updatedAt) {

  static SpecialistView of(Specialist specialist) {
    return new SpecialistView(
        specialist.getId(),
        specialist.getName(),
        specialist.getUsername(),
        specialist.getLanguages().stream().sorted().toList(),
        specialist.getTopics().stream().sorted().toList(),
        specialist.getAgeGroups().stream().sorted().toList(),
        specialist.getTimeZone(),
        specialist.getShifts().stream()
            .sorted(Comparator.comparingInt(ShiftWindow::weekday).thenComparingInt(ShiftWindow::startMinute))
            .map(window -> new ShiftInput(window.day(), window.start(), window.end()))
            .toList(),
        specialist.getMaxCases(),
        specialist.getActiveCases(),
        specialist.isActive(),
        specialist.getLastAssignedAt(),
        specialist.getCreatedAt(),
        specialist.getUpdatedAt());
  }
}
