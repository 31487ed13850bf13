package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.orchestrator.assignment.TestData.draft;
import static org.lifeline.orchestrator.assignment.TestData.with;
import static org.lifeline.orchestrator.assignment.TestData.withMaxCases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@AssignmentDataTest
class SpecialistCapacityTest {

  @Autowired SpecialistCapacity capacity;
  @Autowired SpecialistRegistry registry;
  @Autowired SpecialistMatcher matcher;
  @Autowired TestData data;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void reservingCountsACaseOnceAndReleasingFreesIt() {
    UUID specialist = data.create(withMaxCases(draft("A"), 2));
    UUID request = data.request();

    assertThat(capacity.reserve(specialist, request)).isTrue();
    assertThat(capacity.reserve(specialist, request)).as("a retried job").isTrue();
    assertThat(data.activeCases(specialist)).isEqualTo(1);
    data.forgetLoadedEntities();
    assertThat(registry.get(specialist).lastAssignedAt()).isNotNull();

    assertThat(capacity.release(specialist, request)).isTrue();
    assertThat(capacity.release(specialist, request)).as("a retried job").isFalse();
    assertThat(data.activeCases(specialist)).isZero();

    assertThat(capacity.reserve(specialist, request)).as("reserved again later").isTrue();
    assertThat(data.activeCases(specialist)).isEqualTo(1);
  }

  @Test
  void neverReservesBeyondTheMaximumOrForAPausedSpecialist() {
    UUID specialist = data.create(withMaxCases(draft("A"), 1));
    UUID first = data.request();
    UUID second = data.request();

    assertThat(capacity.reserve(specialist, first)).isTrue();
    assertThat(capacity.reserve(specialist, second)).isFalse();
    assertThat(data.activeCases(specialist)).isEqualTo(1);

    capacity.release(specialist, first);
    registry.pause(specialist);
    assertThat(capacity.reserve(specialist, second)).isFalse();
    assertThat(capacity.reserve(UUID.randomUUID(), second)).as("unknown specialist").isFalse();
  }

  @Test
  void releasingWhatWasNeverReservedChangesNothing() {
    UUID specialist = data.create(draft("A"));
    data.load(specialist, 2, null);

    assertThat(capacity.release(specialist, data.request())).isFalse();
    assertThat(data.activeCases(specialist)).isEqualTo(2);
  }

  @Test
  void aReservationChangesTheNextProposal() {
    UUID first = data.create(draft("First"));
    UUID second = data.create(draft("Second"));
    MatchCriteria criteria =
        new MatchCriteria("en", "anxiety", AgeGroup.ADULT, RiskLevel.LOW, Set.of(), SpecialistMatcherTest.WEDNESDAY_10_UTC);
    UUID proposed = matcher.proposeFor(criteria).orElseThrow().specialist().specialistId();

    capacity.reserve(proposed, data.request());

    UUID other = proposed.equals(first) ? second : first;
    assertThat(matcher.proposeFor(criteria).orElseThrow().specialist().specialistId()).isEqualTo(other);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void concurrentReservationsCannotOverbook() throws Exception {
    UUID specialist =
        transactions.execute(status -> data.create(with(withMaxCases(draft("Concurrent"), 3), Set.of("zz"), Set.of("grief"),
            Set.of(AgeGroup.ADULT))));
    List<UUID> requests = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      requests.add(transactions.execute(status -> data.request()));
    }
    List<Callable<Boolean>> reservations = new ArrayList<>();
    for (UUID request : requests) {
      reservations.add(() -> capacity.reserve(specialist, request));
    }
    long reserved;
    try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
      reserved = 0;
      for (Future<Boolean> outcome : pool.invokeAll(reservations)) {
        reserved += outcome.get() ? 1 : 0;
      }
    }

    assertThat(reserved).isEqualTo(3);
    assertThat(data.activeCases(specialist)).isEqualTo(3);
    assertThat(jdbc.sql("select count(*) from specialist_assignment where specialist_id = :id and status = 'ACTIVE'")
        .param("id", specialist).query(Integer.class).single()).isEqualTo(3);
    registry.pause(specialist);
  }
}
