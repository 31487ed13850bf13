package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.orchestrator.assignment.TestData.draft;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.PostgresDataLayerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The assignment services' own SQL writes timestamps; on PostgreSQL the driver binds no {@code Instant}, so these
 * writes are run on a real server too (the other assignment tests run on H2 only).
 */
@PostgresDataLayerTest
@Import(AssignmentDataTest.Services.class)
@EnableConfigurationProperties(AssignmentProperties.class)
class AssignmentWritesOnPostgresTest {

  @Autowired SpecialistCapacity capacity;
  @Autowired AssignmentExclusions exclusions;
  @Autowired SpecialistRegistry registry;
  @Autowired TestData data;

  @Test
  void reservingReleasingAndExcludingWriteTheirTimes() {
    UUID specialist = data.create(draft("A"));
    UUID request = data.request();

    assertThat(capacity.reserve(specialist, request)).isTrue();
    data.forgetLoadedEntities();
    assertThat(registry.get(specialist).lastAssignedAt()).isNotNull();
    assertThat(capacity.release(specialist, request)).isTrue();
    assertThat(capacity.reserve(specialist, request)).as("reserved again").isTrue();

    exclusions.exclude(request, specialist, "DECLINED");
    exclusions.exclude(request, specialist, "TIMED_OUT");
    assertThat(exclusions.excludedFor(request)).containsExactly(specialist);
  }
}
