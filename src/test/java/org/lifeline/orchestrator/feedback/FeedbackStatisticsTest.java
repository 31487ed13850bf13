package org.lifeline.orchestrator.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedbackStatisticsTest {

  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");
  static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

  FeedbackRequestRepository repository = mock(FeedbackRequestRepository.class);
  FeedbackStatistics statistics = new FeedbackStatistics(repository);

  @Test
  void totalsAddUpEverySpecialistAndCasesWithoutOne() {
    when(repository.statistics(FROM, TO))
        .thenReturn(
            List.of(
                new Object[] {SECOND, 4L, 3L, 12L},
                new Object[] {FIRST, 2L, 0L, 0L},
                new Object[] {null, 3L, 1L, 1L}));

    FeedbackStatistics.Report report = statistics.report(FROM, TO, null);

    assertThat(report.total()).isEqualTo(new FeedbackStatistics.Figures(null, 9, 4, 3.25, 0.44));
    assertThat(report.specialists())
        .containsExactly(
            new FeedbackStatistics.Figures(FIRST, 2, 0, null, 0.0),
            new FeedbackStatistics.Figures(SECOND, 4, 3, 4.0, 0.75));
  }

  @Test
  void oneSpecialistsFiguresAreTheirsOnly() {
    when(repository.statistics(FROM, TO))
        .thenReturn(List.of(new Object[] {SECOND, 4L, 3L, 12L}, new Object[] {FIRST, 2L, 1L, 1L}));

    FeedbackStatistics.Report report = statistics.report(FROM, TO, FIRST);

    assertThat(report.total()).isEqualTo(new FeedbackStatistics.Figures(null, 2, 1, 1.0, 0.5));
    assertThat(report.specialists()).extracting(FeedbackStatistics.Figures::specialistId).containsExactly(FIRST);
  }

  @Test
  void nothingAskedHasNoRates() {
    when(repository.statistics(FROM, TO)).thenReturn(List.of());

    assertThat(statistics.report(FROM, TO, null).total())
        .isEqualTo(new FeedbackStatistics.Figures(null, 0, 0, null, null));
  }
}
