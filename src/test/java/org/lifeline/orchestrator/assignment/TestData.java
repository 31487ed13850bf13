package org.lifeline.orchestrator.assignment;

import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds specialists and requests for the assignment tests. */
class TestData {

  private final SpecialistRegistry registry;
  private final JdbcClient jdbc;
  private final EntityManager entityManager;

  TestData(SpecialistRegistry registry, JdbcClient jdbc, EntityManager entityManager) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.entityManager = entityManager;
  }

  static SpecialistDraft draft(String name) {
    return new SpecialistDraft(
        name,
        null,
        Set.of("en"),
        Set.of("anxiety"),
        Set.of(AgeGroup.ADULT),
        "UTC",
        4,
        List.of(new ShiftInput(DayOfWeek.MONDAY, "00:00", "00:00"), new ShiftInput(DayOfWeek.TUESDAY, "00:00", "00:00"),
            new ShiftInput(DayOfWeek.WEDNESDAY, "00:00", "00:00"), new ShiftInput(DayOfWeek.THURSDAY, "00:00", "00:00"),
            new ShiftInput(DayOfWeek.FRIDAY, "00:00", "00:00"), new ShiftInput(DayOfWeek.SATURDAY, "00:00", "00:00"),
            new ShiftInput(DayOfWeek.SUNDAY, "00:00", "00:00")));
  }

  static SpecialistDraft with(SpecialistDraft d, Set<String> languages, Set<String> topics, Set<AgeGroup> ageGroups) {
    return new SpecialistDraft(d.name(), d.username(), languages, topics, ageGroups, d.timeZone(), d.maxCases(), d.shifts());
  }

  static SpecialistDraft withShifts(SpecialistDraft d, String timeZone, List<ShiftInput> shifts) {
    return new SpecialistDraft(d.name(), d.username(), d.languages(), d.topics(), d.ageGroups(), timeZone, d.maxCases(), shifts);
  }

  static SpecialistDraft withMaxCases(SpecialistDraft d, int maxCases) {
    return new SpecialistDraft(d.name(), d.username(), d.languages(), d.topics(), d.ageGroups(), d.timeZone(), maxCases, d.shifts());
  }

  /** Registers the specialist and makes it visible to plain SQL in the running transaction. */
  UUID create(SpecialistDraft draft) {
    UUID id = registry.create(draft).id();
    entityManager.flush();
    return id;
  }

  /** Lets the next read see what plain SQL changed in the running transaction. */
  void forgetLoadedEntities() {
    entityManager.clear();
  }

  /** Sets the load directly (as if cases had been reserved earlier). */
  void load(UUID specialistId, int activeCases, Instant lastAssignedAt) {
    jdbc.sql("update specialist set active_cases = :cases, last_assigned_at = :at where id = :id")
        .param("cases", activeCases)
        .param("at", lastAssignedAt == null ? null : lastAssignedAt.atOffset(ZoneOffset.UTC))
        .param("id", specialistId)
        .update();
  }

  /** A stored help request (assignment rows refer to it). */
  UUID request() {
    UUID contactId = UUID.randomUUID();
    UUID requestId = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.sql("insert into contact (id, channel, channel_user_id, created_at) values (:id, 'API', :user, :now)")
        .param("id", contactId)
        .param("user", contactId.toString())
        .param("now", now)
        .update();
    jdbc.sql(
            """
            insert into help_request (id, contact_id, channel, status, risk_level, created_at, updated_at, version)
            values (:id, :contact, 'API', 'AWAITING_ASSIGNMENT', 'NONE', :now, :now, 0)
            """)
        .param("id", requestId)
        .param("contact", contactId)
        .param("now", now)
        .update();
    return requestId;
  }

  int activeCases(UUID specialistId) {
    return jdbc.sql("select active_cases from specialist where id = :id").param("id", specialistId).query(Integer.class).single();
  }
}
