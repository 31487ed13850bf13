package org.lifeline.orchestrator.assignment;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * What a request needs from a specialist.
 *
 * @param language the language the person chose (required)
 * @param topic the questionnaire topic; null or {@code other} means no topic preference
 * @param ageGroup the person's age group; null when the age is unknown (any group)
 * @param riskLevel the request's risk level; {@code HIGH} needs someone on shift now
 * @param excludedSpecialistIds specialists who declined this request or let it time out
 * @param now the moment whose weekday and time of day decide who is on shift
 */
public record MatchCriteria(
    String language,
    String topic,
    AgeGroup ageGroup,
    RiskLevel riskLevel,
    Set<UUID> excludedSpecialistIds,
    Instant now) {

  public MatchCriteria {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(riskLevel, "riskLevel");
    Objects.requireNonNull(now, "now");
    excludedSpecialistIds = excludedSpecialistIds == null ? Set.of() : Set.copyOf(excludedSpecialistIds);
  }

  /** The same request once more, now without the given specialists. */
  public MatchCriteria excluding(Set<UUID> specialistIds) {
    Set<UUID> excluded = new HashSet<>(excludedSpecialistIds);
    excluded.addAll(specialistIds);
    return new MatchCriteria(language, topic, ageGroup, riskLevel, excluded, now);
  }

  boolean hasTopicPreference() {
    return topic != null && !Topics.OTHER.equals(topic);
  }

  boolean needsSomeoneOnShift() {
    return riskLevel == RiskLevel.HIGH;
  }
}
