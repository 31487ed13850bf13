package org.lifeline.orchestrator.assignment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.BatchSize;

/**
 * A specialist (psychologist) who can be assigned requests. The load ({@code activeCases},
 * {@code lastAssignedAt}) is maintained by {@link SpecialistCapacity} with conditional UPDATEs and is
 * never written from this entity, so editing a specialist cannot overwrite a concurrent reservation.
 */
@Entity
public class Specialist {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  private String username;

  @ElementCollection
  @CollectionTable(name = "specialist_language", joinColumns = @JoinColumn(name = "specialist_id"))
  @Column(name = "language", nullable = false)
  @BatchSize(size = 100)
  private Set<String> languages = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "specialist_topic", joinColumns = @JoinColumn(name = "specialist_id"))
  @Column(name = "topic", nullable = false)
  @BatchSize(size = 100)
  private Set<String> topics = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "specialist_age_group", joinColumns = @JoinColumn(name = "specialist_id"))
  @Column(name = "age_group", nullable = false)
  @Enumerated(EnumType.STRING)
  @BatchSize(size = 100)
  private Set<AgeGroup> ageGroups = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "specialist_shift", joinColumns = @JoinColumn(name = "specialist_id"))
  @BatchSize(size = 100)
  private Set<ShiftWindow> shifts = new HashSet<>();

  @Column(nullable = false)
  private String timeZone;

  @Column(nullable = false)
  private int maxCases;

  @Column(nullable = false, updatable = false)
  private int activeCases;

  @Column(updatable = false)
  private Instant lastAssignedAt;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  // A wrapper type: null marks a new entity, so saving one is a plain INSERT without a SELECT.
  @Version private Long version;

  protected Specialist() {}

  Specialist(SpecialistDraft draft, Instant now) {
    this.id = UUID.randomUUID();
    this.active = true;
    this.createdAt = now;
    apply(draft, now);
  }

  /** Replaces everything a curator enters; load and active/paused stay as they are. */
  void apply(SpecialistDraft draft, Instant now) {
    this.name = draft.name().strip();
    this.username = draft.username() == null || draft.username().isBlank() ? null : draft.username().strip();
    replace(languages, draft.languages());
    replace(topics, draft.topics());
    replace(ageGroups, draft.ageGroups());
    replace(shifts, draft.shifts().stream().flatMap(shift -> shift.windows().stream()).collect(Collectors.toSet()));
    this.timeZone = draft.timeZone();
    this.maxCases = draft.maxCases();
    this.updatedAt = now;
  }

  void pause(Instant now) {
    if (active) {
      active = false;
      updatedAt = now;
    }
  }

  void resume(Instant now) {
    if (!active) {
      active = true;
      updatedAt = now;
    }
  }

  /** Whether one of the weekly shifts covers the moment in the specialist's time zone (as the matcher counts it). */
  public boolean isOnShiftAt(Instant moment) {
    ZonedDateTime local = moment.atZone(ZoneId.of(timeZone));
    int weekday = local.getDayOfWeek().getValue();
    int minute = local.getHour() * 60 + local.getMinute();
    return shifts.stream()
        .anyMatch(window -> window.weekday() == weekday && window.startMinute() <= minute && window.endMinute() > minute);
  }

  private static <T> void replace(Set<T> target, Collection<T> values) {
    target.retainAll(values);
    target.addAll(values);
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getUsername() {
    return username;
  }

  public Set<String> getLanguages() {
    return Set.copyOf(languages);
  }

  public Set<String> getTopics() {
    return Set.copyOf(topics);
  }

  public Set<AgeGroup> getAgeGroups() {
    return Set.copyOf(ageGroups);
  }

  public Set<ShiftWindow> getShifts() {
    return Set.copyOf(shifts);
  }

  public String getTimeZone() {
    return timeZone;
  }

  public int getMaxCases() {
    return maxCases;
  }

  public int getActiveCases() {
    return activeCases;
  }

  public Instant getLastAssignedAt() {
    return lastAssignedAt;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
