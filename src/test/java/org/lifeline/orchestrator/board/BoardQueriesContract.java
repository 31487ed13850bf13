package org.lifeline.orchestrator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.assignment.AgeGroup;
import org.lifeline.orchestrator.assignment.ShiftInput;
import org.lifeline.orchestrator.assignment.SpecialistCapacity;
import org.lifeline.orchestrator.assignment.SpecialistDraft;
import org.lifeline.orchestrator.assignment.SpecialistLoad;
import org.lifeline.orchestrator.assignment.SpecialistRegistry;
import org.lifeline.orchestrator.assignment.WaitingQueue;
import org.lifeline.orchestrator.curator.CuratorTask;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's queries on the real Flyway schema, with the task backend left out (its tasks are given): sorting,
 * filters, paging, the holders of the shown requests, the stages, the queue and the specialists. Run on H2 by {@link
 * BoardQueriesOnH2Test} and on PostgreSQL by {@link BoardQueriesOnPostgresTest}. Each test runs in a transaction
 * that is rolled back, so only its own rows are in the tables.
 */
@Transactional // on the contract: the subclass's @DataJpaTest does not reach inherited test methods
abstract class BoardQueriesContract {

  /** The board's queries and the assignment services they read; the subclasses import it. */
  @TestConfiguration(proxyBeanMethods = false)
  @ImportAutoConfiguration({JdbcClientAutoConfiguration.class, ValidationAutoConfiguration.class})
  @Import({BoardQueries.class, SpecialistRegistry.class, SpecialistCapacity.class, WaitingQueue.class})
  static class Services {

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired BoardQueries board;
  @Autowired SpecialistRegistry registry;
  @Autowired SpecialistCapacity capacity;
  @Autowired JdbcClient jdbc;
  @Autowired EntityManager entities;
  @MockitoBean CuratorTasks tasks;

  private final Instant now = Instant.now();

  @Test
  void highestRiskFirstThenTheLongestWaitingWithHoldersAndTasksPagedAndFiltered() {
    UUID lowOld = request(RequestStatus.AWAITING_ASSIGNMENT, RiskLevel.LOW, Duration.ofHours(6));
    UUID highNew = request(RequestStatus.ASSIGNED, RiskLevel.HIGH, Duration.ofMinutes(3));
    UUID highOld = request(RequestStatus.IN_PROGRESS, RiskLevel.HIGH, Duration.ofHours(1));
    UUID medium = request(RequestStatus.QUESTIONNAIRE, RiskLevel.MEDIUM, Duration.ofMinutes(40));
    request(RequestStatus.CLOSED, RiskLevel.HIGH, Duration.ofDays(1));
    UUID olena = registry.create(specialist("Olena Koval", "okoval", 3)).id();
    entities.flush(); // the reservation is plain SQL
    assertThat(capacity.reserve(olena, highOld)).isTrue();
    CuratorTask offer =
        new CuratorTask(
            "42", highNew, "Accept or decline the case", "Task_RespondToAssignment", "help-request",
            List.of("specialists"), "okoval", now, "assignment-response", 90, now.plus(Duration.ofMinutes(15)));
    when(tasks.openTasksOf(anyCollection())).thenReturn(Map.of(highNew, List.of(offer)));

    BoardPage all = board.page(BoardFilter.parse(null, null, null, null, null, null));
    assertThat(all.content()).extracting(BoardRequest::id).containsExactly(highOld, highNew, medium, lowOld);
    assertThat(all.totalElements()).isEqualTo(4);
    BoardRequest held = all.content().getFirst();
    assertThat(held.assignedSpecialist()).isEqualTo(new BoardRequest.Staff(olena, "Olena Koval", "okoval"));
    assertThat(held.stage()).isEqualTo("care");
    assertThat(held.waitingSince()).isCloseTo(now.minus(Duration.ofHours(1)), org.assertj.core.api.Assertions.within(Duration.ofMillis(1)));
    assertThat(all.content().get(1).openTasks())
        .singleElement()
        .satisfies(task -> {
          assertThat(task.name()).isEqualTo("Accept or decline the case");
          assertThat(task.assignee()).isEqualTo("okoval");
          assertThat(task.priority()).isEqualTo(90);
        });

    assertThat(board.page(BoardFilter.parse(null, List.of("assignment"), null, null, null, null)).content())
        .extracting(BoardRequest::id)
        .containsExactly(highNew, lowOld);
    assertThat(board.page(BoardFilter.parse(null, null, List.of("HIGH,MEDIUM"), "PT30M", null, null)).content())
        .extracting(BoardRequest::id)
        .containsExactly(highOld, medium);
    assertThat(board.page(BoardFilter.parse(List.of("CLOSED"), null, null, null, null, null)).totalElements()).isEqualTo(1);

    BoardPage second = board.page(BoardFilter.parse(null, null, null, null, "1", "3"));
    assertThat(second.content()).extracting(BoardRequest::id).containsExactly(lowOld);
    assertThat(second.totalPages()).isEqualTo(2);
    assertThat(board.request(highOld)).get().extracting(BoardRequest::assignedSpecialist).isNotNull();
    assertThat(board.request(UUID.randomUUID())).isEmpty();
  }

  @Test
  void theWholeBoardHasEveryOpenStageTheQueueAndTheSpecialists() {
    UUID waiting = request(RequestStatus.AWAITING_ASSIGNMENT, RiskLevel.HIGH, Duration.ofMinutes(20));
    request(RequestStatus.QUALIFYING, RiskLevel.NONE, Duration.ofMinutes(1));
    request(RequestStatus.REJECTED, RiskLevel.NONE, Duration.ofMinutes(1));
    jdbc.sql(
            """
            insert into waiting_request (request_id, risk_level, risk_priority, priority, language, waiting_since)
            values (:id, 'HIGH', 3, true, 'uk', :since)
            """)
        .param("id", waiting)
        .param("since", now.minus(Duration.ofMinutes(20)).atOffset(ZoneOffset.UTC))
        .update();
    registry.create(specialist("Ivan Petrenko", null, 2));
    entities.flush();
    when(tasks.openTasksOf(anyCollection())).thenReturn(Map.of());

    Board whole = board.board();

    assertThat(whole.stages()).extracting(Board.Stage::stage)
        .containsExactly("intake", "qualification", "questionnaire", "assignment", "care", "feedback");
    assertThat(whole.stages()).filteredOn(stage -> stage.stage().equals("assignment")).singleElement()
        .satisfies(stage -> {
          assertThat(stage.open()).isEqualTo(1);
          assertThat(stage.requests()).extracting(BoardRequest::id).containsExactly(waiting);
        });
    assertThat(whole.stages()).filteredOn(stage -> stage.stage().equals("care")).singleElement()
        .satisfies(stage -> assertThat(stage.requests()).isEmpty());
    assertThat(whole.queue().waiting()).isEqualTo(1);
    assertThat(whole.queue().requests()).singleElement().satisfies(queued -> {
      assertThat(queued.requestId()).isEqualTo(waiting);
      assertThat(queued.prioritised()).isTrue();
    });
    assertThat(whole.specialists()).extracting(SpecialistLoad::name).contains("Ivan Petrenko");
    assertThat(whole.specialists()).filteredOn(load -> load.name().equals("Ivan Petrenko")).singleElement()
        .satisfies(load -> {
          assertThat(load.onShiftNow()).as("on shift around the clock").isTrue();
          assertThat(load.maxCases()).isEqualTo(2);
        });
    assertThat(board.openByRisk()).containsEntry(RiskLevel.HIGH, 1L).containsEntry(RiskLevel.NONE, 1L);
  }

  private UUID request(RequestStatus status, RiskLevel risk, Duration inStatus) {
    UUID contactId = UUID.randomUUID();
    UUID requestId = UUID.randomUUID();
    jdbc.sql("insert into contact (id, channel, channel_user_id, created_at) values (:id, 'API', :user, :now)")
        .param("id", contactId)
        .param("user", contactId.toString())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql(
            """
            insert into help_request (id, contact_id, channel, status, risk_level, created_at, updated_at,
                                      status_changed_at, version)
            values (:id, :contact, 'API', :status, :risk, :changed, :changed, :changed, 0)
            """)
        .param("id", requestId)
        .param("contact", contactId)
        .param("status", status.name())
        .param("risk", risk.name())
        .param("changed", now.minus(inStatus).atOffset(ZoneOffset.UTC))
        .update();
    return requestId;
  }

  private static SpecialistDraft specialist(String name, String username, int maxCases) {
    List<ShiftInput> always =
        java.util.Arrays.stream(DayOfWeek.values()).map(day -> new ShiftInput(day, "00:00", "00:00")).toList();
    return new SpecialistDraft(name, username, Set.of("uk"), Set.of("anxiety"), Set.of(AgeGroup.ADULT), "UTC", maxCases, always);
  }
}
