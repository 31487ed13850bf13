package org.lifeline.orchestrator.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request as integrators and curators see it: ids, statuses and history, never message text. */
public record RequestView(
    UUID id,
    UUID contactId,
    RequestStatus status,
    String stage,
    RiskLevel riskLevel,
    Integer statedAge,
    Instant createdAt,
    List<HistoryEntry> history) {

  static RequestView of(HelpRequest request, List<RequestEvent> events) {
    return new RequestView(
        request.getId(),
        request.getContactId(),
        request.getStatus(),
        request.getStatus().stage(),
        request.getRiskLevel(),
        request.getStatedAge(),
        request.getCreatedAt(),
        events.stream().map(HistoryEntry::of).toList());
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HistoryEntry(
      Instant at,
      RequestEventType type,
      RequestStatus status,
      String reason,
      String template,
      String kind,
      String actor,
      String step,
      RiskLevel level,
      String detail) {

    static HistoryEntry of(RequestEvent event) {
      return new HistoryEntry(
          event.getAt(),
          event.getType(),
          event.getStatus(),
          event.getReason(),
          event.getTemplate(),
          event.getKind(),
          event.getActor(),
          event.getStep(),
          event.getLevel(),
          event.getDetail());
    }
  }
}
