package org.lifeline.orchestrator.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback figures for a period (by when feedback was asked for): count of answers, average rating and response rate
 * (answered / requested), overall and per specialist. Aggregates only: never a person next to a rating.
 */
@Service
public class FeedbackStatistics {

  private final FeedbackRequestRepository feedback;

  FeedbackStatistics(FeedbackRequestRepository feedback) {
    this.feedback = feedback;
  }

  /**
   * @param specialistId only this specialist's cases, or null for all
   */
  @Transactional(readOnly = true)
  public Report report(Instant from, Instant to, UUID specialistId) {
    List<Figures> perSpecialist = new ArrayList<>();
    long requested = 0;
    long answered = 0;
    long ratingSum = 0;
    for (Object[] row : feedback.statistics(from, to)) {
      UUID specialist = (UUID) row[0];
      if (specialistId != null && !specialistId.equals(specialist)) {
        continue;
      }
      Figures figures = Figures.of(specialist, number(row[1]), number(row[2]), number(row[3]));
      requested += figures.requested();
      answered += figures.answered();
      ratingSum += number(row[3]);
      if (specialist != null) {
        perSpecialist.add(figures);
      }
    }
    perSpecialist.sort(Comparator.comparing(figures -> figures.specialistId().toString()));
    return new Report(from, to, Figures.of(null, requested, answered, ratingSum), perSpecialist);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** The figures of a period: all cases ({@code total}) and per specialist. */
  public record Report(Instant from, Instant to, Figures total, List<Figures> specialists) {}

  /**
   * @param specialistId null in the total
   * @param averageRating null without answers
   * @param responseRate answered / requested, 0 to 1; null when nothing was requested
   */
  public record Figures(UUID specialistId, long requested, long answered, Double averageRating, Double responseRate) {

    static Figures of(UUID specialistId, long requested, long answered, long ratingSum) {
      return new Figures(
          specialistId,
          requested,
          answered,
          answered == 0 ? null : round((double) ratingSum / answered),
          requested == 0 ? null : round((double) answered / requested));
    }

    private static double round(double value) {
      return Math.round(value * 100) / 100.0;
    }
  }
}
