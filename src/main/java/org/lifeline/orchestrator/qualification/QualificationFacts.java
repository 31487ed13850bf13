package org.lifeline.orchestrator.qualification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess.Variables;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * The non-sensitive facts the qualification decision ({@code bpmn/qualification.dmn}) decides on.
 *
 * @param statedAge the age the person stated for this request
 * @param riskLevel the risk known so far
 * @param hasEarlierRequests the same contact sent requests before this one
 * @param earlierAgeDiffers an earlier request stated an age that this one cannot follow from (the person would have had
 *     to grow younger, or older than the time between the requests allows)
 * @param earlierRedirectedAsMinor an earlier request was redirected to the partner project for minors
 */
public record QualificationFacts(
    Integer statedAge,
    RiskLevel riskLevel,
    boolean hasEarlierRequests,
    boolean earlierAgeDiffers,
    boolean earlierRedirectedAsMinor) {

  private static final long DAYS_PER_YEAR = 365;

  /**
   * The facts of a request, compared with the other requests of its contact.
   *
   * @param contactRequests every request of the contact (the request itself and later ones are ignored)
   */
  public static QualificationFacts of(HelpRequest request, List<HelpRequest> contactRequests) {
    List<HelpRequest> earlier =
        contactRequests.stream()
            .filter(other -> !other.getId().equals(request.getId()))
            .filter(other -> !other.getCreatedAt().isAfter(request.getCreatedAt()))
            .toList();
    boolean ageDiffers = earlier.stream().anyMatch(other -> agesDisagree(other, request));
    boolean redirected = earlier.stream().anyMatch(other -> other.getStatus() == RequestStatus.REDIRECTED_MINOR);
    return new QualificationFacts(request.getStatedAge(), request.getRiskLevel(), !earlier.isEmpty(), ageDiffers, redirected);
  }

  /** A birthday between two requests is fine; a younger age, or more years than have passed, is not. */
  private static boolean agesDisagree(HelpRequest earlier, HelpRequest later) {
    if (earlier.getStatedAge() == null || later.getStatedAge() == null) {
      return false;
    }
    long yearsBetween = Duration.between(earlier.getCreatedAt(), later.getCreatedAt()).toDays() / DAYS_PER_YEAR;
    int grown = later.getStatedAge() - earlier.getStatedAge();
    return grown < 0 || grown > yearsBetween + 1;
  }

  /** As process variables: numbers, a level and flags only. */
  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.STATED_AGE, statedAge);
    variables.put(Variables.RISK_LEVEL, riskLevel.name());
    variables.put(Variables.HAS_EARLIER_REQUESTS, hasEarlierRequests);
    variables.put(Variables.EARLIER_AGE_DIFFERS, earlierAgeDiffers);
    variables.put(Variables.EARLIER_REDIRECTED_AS_MINOR, earlierRedirectedAsMinor);
    return variables;
  }
}
