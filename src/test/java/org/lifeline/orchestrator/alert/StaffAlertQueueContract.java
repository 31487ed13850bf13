package org.lifeline.orchestrator.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.MutableClock;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RequestStatusChanged;
import org.lifeline.orchestrator.request.RiskLevel;
import org.lifeline.orchestrator.staff.StaffContact;
import org.lifeline.orchestrator.staff.StaffDirectory;
import org.lifeline.orchestrator.staff.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff-alert outbox table: one row per occurrence, recipient and channel, however often it is queued (ON CONFLICT
 * DO NOTHING, on H2 and PostgreSQL alike), due rows in order, the new-message window. Run by {@link
 * StaffAlertQueueOnH2Test} and {@link StaffAlertQueueOnPostgresTest}.
 */
@Transactional
abstract class StaffAlertQueueContract {

  @Autowired JdbcTemplate jdbc;
  @Autowired StaffAlertRepository rows;

  final MutableClock clock = new MutableClock();
  StaffAlerts alerts;

  @BeforeEach
  void queue() {
    StaffDirectory directory = mock(StaffDirectory.class);
    when(directory.contact("anna.k"))
        .thenReturn(Optional.of(new StaffContact("anna.k", "Anna", Optional.empty(), OptionalLong.empty(), Set.of(StaffRole.SPECIALIST))));
    when(directory.contact("boris.m"))
        .thenReturn(Optional.of(new StaffContact("boris.m", "Boris", Optional.empty(), OptionalLong.empty(), Set.of(StaffRole.SPECIALIST))));
    when(directory.contact("gone")).thenReturn(Optional.empty());
    alerts =
        new StaffAlerts(
            jdbc, directory, List.of(new LogStaffNotifier()), rows, new AlertProperties(null, null, null, null, null, null, null), clock);
  }

  @Test
  void anOccurrenceIsQueuedOncePerRecipientAndUnknownStaffAreSkipped() {
    UUID request = UUID.randomUUID();

    List<String> alerted = alerts.alert(AlertEvent.CASE_ASSIGNED, request, RiskLevel.MEDIUM, List.of("anna.k", "gone", "anna.k"), "specialist-1");
    alerts.alert(AlertEvent.CASE_ASSIGNED, request, RiskLevel.MEDIUM, List.of("anna.k"), "specialist-1");
    alerts.alert(AlertEvent.CASE_ASSIGNED, request, RiskLevel.MEDIUM, List.of("anna.k"), "specialist-2");

    assertThat(alerted).containsExactly("anna.k");
    assertThat(rows.findByRequestIdOrderByCreatedAt(request))
        .hasSize(2)
        .allSatisfy(alert -> {
          assertThat(alert.getChannel()).isEqualTo(AlertChannel.LOG);
          assertThat(alert.getStatus()).isEqualTo(StaffAlert.Status.PENDING);
          assertThat(alert.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        });
    assertThat(rows.findDueIds(clock.instant(), Limit.of(10))).hasSizeGreaterThanOrEqualTo(2);
  }

  /**
   * A case reserved for Anna, moved to Boris, then back to Anna: Anna is alerted of each of her reservations; the same
   * reservation announced twice (a redelivered job) alerts once.
   */
  @Test
  void eachReservationOfACaseAlertsItsSpecialistOnceEvenTheSameOneAgain() {
    UUID request = UUID.randomUUID();
    UUID anna = UUID.randomUUID();
    UUID boris = UUID.randomUUID();
    AssignmentService assignment = mock(AssignmentService.class);
    RequestLifecycle lifecycle = mock(RequestLifecycle.class);
    HelpRequest helpRequest = mock(HelpRequest.class);
    when(helpRequest.getRiskLevel()).thenReturn(RiskLevel.HIGH);
    when(lifecycle.get(request)).thenReturn(helpRequest);
    AlertTriggers triggers = new AlertTriggers(alerts, assignment, lifecycle);
    RequestStatusChanged assigned = new RequestStatusChanged(request, Channel.WEB, RequestStatus.ASSIGNED);

    for (Object[] reservation :
        List.of(
            new Object[] {anna, "anna.k", clock.instant()},
            new Object[] {anna, "anna.k", clock.instant()},
            new Object[] {boris, "boris.m", clock.instant().plusSeconds(60)},
            new Object[] {anna, "anna.k", clock.instant().plusSeconds(120)})) {
      when(assignment.holderOf(request)).thenReturn(Optional.of((UUID) reservation[0]));
      when(assignment.holderUsername(request)).thenReturn(Optional.of((String) reservation[1]));
      when(assignment.heldSince(request)).thenReturn(Optional.of((Instant) reservation[2]));
      triggers.statusChanged(assigned);
    }

    assertThat(rows.findByRequestIdOrderByCreatedAt(request))
        .extracting(StaffAlert::getRecipient)
        .containsExactlyInAnyOrder("anna.k", "anna.k", "boris.m");
  }

  @Test
  void aNewMessageAlertsAtMostOncePerWindow() {
    UUID request = UUID.randomUUID();
    Instant first = clock.instant();

    alerts.newMessage(request, "anna.k", RiskLevel.LOW, first);
    clock.advance(Duration.ofMinutes(3));
    alerts.newMessage(request, "anna.k", RiskLevel.LOW, clock.instant());
    clock.advance(Duration.ofMinutes(8));
    alerts.newMessage(request, "anna.k", RiskLevel.LOW, clock.instant());

    assertThat(rows.findByRequestIdOrderByCreatedAt(request)).extracting(StaffAlert::getEvent).containsExactly(AlertEvent.NEW_MESSAGE, AlertEvent.NEW_MESSAGE);
  }
}
