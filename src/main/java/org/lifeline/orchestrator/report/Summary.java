package org.lifeline.orchestrator.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the line did with the requests received in a period, followed up to {@code asOf}: statuses, stages, risk
 * levels, times and counts only. Every figure is explained in docs/reports.md.
 *
 * @param asOf the facts hold every change committed before this time: when the last background refresh started
 */
public record Summary(
    Period period,
    Instant asOf,
    Requests requests,
    List<Stage> funnel,
    long completed,
    List<Wait> waits,
    Qualification qualification,
    Questionnaire questionnaire,
    Escalations escalations,
    Map<String, Long> outcomes,
    Feedback feedback,
    List<Group> groups) {

  /** The days covered (both included, UTC) and how they are grouped. */
  public record Period(LocalDate from, LocalDate to, String groupBy, String timeZone) {}

  /** How many requests were received, and by what they came with and where they stand now. */
  public record Requests(
      long total,
      long open,
      Map<String, Long> byChannel,
      Map<String, Long> byLanguage,
      Map<String, Long> byTopic,
      Map<String, Long> byAgeGroup,
      Map<String, Long> byRiskLevel,
      Map<String, Long> byStatus) {}

  /**
   * One stage of the funnel.
   *
   * @param reached requests that got to the stage
   * @param open requests in the stage now
   * @param ended requests that ended with this as the last stage they got to, without the help being completed
   * @param endedAs those, by final status
   */
  public record Stage(String stage, long reached, long open, long ended, Map<String, Long> endedAs) {}

  /**
   * A time from intake to a point of the lifecycle, over the requests that got there.
   *
   * @param p50Seconds the median; null when no request got there
   * @param p90Seconds nine in ten got there within this time; null when no request got there
   */
  public record Wait(String figure, long requests, Double p50Seconds, Double p90Seconds) {}

  /**
   * @param reviews requests a curator had to review (e.g. a repeat contact with a different age)
   * @param accepted reviewed requests that went on to the questionnaire
   * @param rejected requests a curator rejected
   * @param awaitingReview requests waiting for a curator's review now
   */
  public record Qualification(long minorsRedirected, long reviews, long accepted, long rejected, long awaitingReview) {}

  /**
   * @param started requests whose questionnaire opened
   * @param completed requests that answered every required question (and went on to assignment)
   * @param abandoned requests closed after going unanswered too long
   * @param inProgress requests answering now
   */
  public record Questionnaire(long started, long completed, long abandoned, long inProgress) {}

  /**
   * Escalations of the period's requests.
   *
   * @param reviewed escalations a supervisor reviewed (recorded an outcome)
   * @param reDriven escalations lost with an embedded engine's restart, taken over by a new one
   * @param reviewedWithinFirstStep reviewed before the backup supervisor had to be alerted
   * @param withinFirstStepShare that share of the reviewed ones, 0 to 1; null when none was reviewed
   */
  public record Escalations(
      long count,
      long reviewed,
      long open,
      long reDriven,
      Double reviewP50Seconds,
      Double reviewP90Seconds,
      long reviewedWithinFirstStep,
      Double withinFirstStepShare,
      Map<String, Long> byOutcome) {}

  /**
   * @param asked requests whose person was asked for feedback
   * @param responseRate answered / asked, 0 to 1; null when nobody was asked
   * @param averageRating null without answers
   */
  public record Feedback(long asked, long answered, Double responseRate, Double averageRating) {}

  /**
   * The requests received in one group of days.
   *
   * @param byFinalStatus those that ended, by final status
   * @param waitP50Seconds the median of each wait (null when no request got there)
   */
  public record Group(
      LocalDate from,
      LocalDate to,
      long received,
      long open,
      Map<String, Long> byFinalStatus,
      long escalations,
      Map<String, Double> waitP50Seconds) {}
}
