package org.lifeline.orchestrator.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.Contact;
import org.lifeline.orchestrator.contact.ContactFixtures;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests and their history, including the dispatcher's own queries. Run on H2 and on PostgreSQL
 * by {@link RequestRepositoriesOnH2Test} and {@link RequestRepositoriesOnPostgresTest}.
 */
@Transactional // on the contract: the subclass's @DataJpaTest does not reach inherited test methods
abstract class RequestRepositoriesContract {

  static final Instant T0 = Instant.parse("2030-01-02T03:04:05.123456Z");
  static final List<RequestStatus> FINAL =
      Arrays.stream(RequestStatus.values()).filter(RequestStatus::isFinal).toList();
  static final String RUN = "embedded-current";

  @Autowired ContactRepository contacts;
  @Autowired HelpRequestRepository requests;
  @Autowired RequestEventRepository events;
  @Autowired TestEntityManager entities;

  Contact contact;

  @BeforeEach
  void storeAContact() {
    contact = contacts.saveAndFlush(ContactFixtures.contact(Channel.TELEGRAM, "user-" + UUID.randomUUID(), T0));
  }

  @Test
  void dispatchFindsOpenRequestsWithoutAnInstanceInTheCurrentRunOldestFirst() {
    HelpRequest fresh = request(T0.plusSeconds(1));
    HelpRequest runningNow = request(T0.plusSeconds(2));
    runningNow.processStarted(11L, RUN, T0);
    HelpRequest lostWithAnEarlierRun = request(T0);
    lostWithAnEarlierRun.processStarted(12L, "embedded-earlier", T0);
    HelpRequest closed = request(T0.plusSeconds(3));
    closed.changeStatus(RequestStatus.CLOSED, T0);
    HelpRequest postponed = request(T0.plusSeconds(4));
    HelpRequest postponeOver = request(T0.plusSeconds(5));
    requests.saveAllAndFlush(List.of(fresh, runningNow, lostWithAnEarlierRun, closed, postponed, postponeOver));
    Instant now = T0.plusSeconds(60);
    requests.postponeDispatch(postponed.getId(), now.plusSeconds(1));
    requests.postponeDispatch(postponeOver.getId(), now);

    assertThat(requests.findIdsToDispatch(FINAL, RUN, now, Limit.of(10)))
        .containsExactly(lostWithAnEarlierRun.getId(), fresh.getId(), postponeOver.getId());
    assertThat(requests.findIdsToDispatch(FINAL, RUN, now, Limit.of(2)))
        .containsExactly(lostWithAnEarlierRun.getId(), fresh.getId());
    assertThat(requests.findIdsToDispatch(FINAL, RUN, now.plusSeconds(1), Limit.of(10))).contains(postponed.getId());
  }

  @Test
  void onlyOneCallerLeasesARequestUntilTheLeaseRunsOut() {
    HelpRequest request = requests.saveAndFlush(request(T0));
    Instant leaseUntil = T0.plusSeconds(30);

    assertThat(requests.leaseForDispatch(request.getId(), RUN, T0, leaseUntil)).isOne();
    assertThat(requests.leaseForDispatch(request.getId(), RUN, T0.plusSeconds(29), leaseUntil)).isZero();
    assertThat(requests.findIdsToDispatch(FINAL, RUN, T0.plusSeconds(29), Limit.of(10))).doesNotContain(request.getId());
    assertThat(requests.leaseForDispatch(request.getId(), RUN, leaseUntil, leaseUntil.plusSeconds(30))).isOne();
  }

  @Test
  void aRequestDrivenInTheCurrentRunIsNotLeased() {
    HelpRequest request = request(T0);
    request.processStarted(42L, RUN, T0);
    requests.saveAndFlush(request);

    assertThat(requests.leaseForDispatch(request.getId(), RUN, T0, T0.plusSeconds(30))).isZero();
    assertThat(requests.leaseForDispatch(request.getId(), "embedded-next", T0, T0.plusSeconds(30))).isOne();
  }

  @Test
  void postponingTouchesOneRequest() {
    HelpRequest request = requests.saveAndFlush(request(T0));

    assertThat(requests.postponeDispatch(request.getId(), T0.plusSeconds(5))).isOne();
    assertThat(requests.postponeDispatch(UUID.randomUUID(), T0.plusSeconds(5))).isZero();
    assertThat(requests.findIdsToDispatch(FINAL, RUN, T0.plusSeconds(4), Limit.of(10))).doesNotContain(request.getId());
    assertThat(requests.findIdsToDispatch(FINAL, RUN, T0.plusSeconds(5), Limit.of(10))).contains(request.getId());
  }

  @Test
  void keepsEveryFieldAndTheTimesToTheMicrosecond() {
    HelpRequest request = request(T0);
    request.raiseRisk(RiskLevel.HIGH, T0.plusSeconds(1));
    request.changeStatus(RequestStatus.CURATOR_REVIEW, T0.plusSeconds(2));
    request.processStarted(Long.MAX_VALUE, RUN, T0.plusSeconds(3));
    request.rememberIntegrator("partner-bot");
    request.rememberIdempotencyKey("partner-bot", "key-1", "f".repeat(64));
    requests.saveAndFlush(request);
    entities.clear();

    assertThat(requests.findByIdempotencyScopeAndIdempotencyKey("other-bot", "key-1")).isEmpty();
    HelpRequest found = requests.findByIdempotencyScopeAndIdempotencyKey("partner-bot", "key-1").orElseThrow();

    assertThat(found.getContactId()).isEqualTo(contact.getId());
    assertThat(found.getChannel()).isEqualTo(Channel.TELEGRAM);
    assertThat(found.getStatus()).isEqualTo(RequestStatus.CURATOR_REVIEW);
    assertThat(found.getRiskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(found.getStatedAge()).isEqualTo(34);
    assertThat(found.getLanguage()).isEqualTo("uk");
    assertThat(found.getProcessInstanceKey()).isEqualTo(Long.MAX_VALUE);
    assertThat(found.getEngineRun()).isEqualTo(RUN);
    assertThat(found.getIdempotencyFingerprint()).isEqualTo("f".repeat(64));
    assertThat(found.getIntegrator()).isEqualTo("partner-bot");
    assertThat(found.getCreatedAt()).isEqualTo(T0);
    assertThat(found.getUpdatedAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void listsAPersonsRequestsOldestFirst() {
    HelpRequest second = request(T0.plusSeconds(10));
    HelpRequest first = request(T0);
    requests.saveAllAndFlush(List.of(second, first));

    assertThat(requests.findByContactIdOrderByCreatedAt(contact.getId()))
        .extracting(HelpRequest::getId)
        .containsExactly(first.getId(), second.getId());
  }

  @Test
  void countsRequestsByStatus() {
    HelpRequest qualifying = request(T0);
    qualifying.changeStatus(RequestStatus.QUALIFYING, T0);
    requests.saveAllAndFlush(List.of(request(T0), request(T0), qualifying));

    Map<RequestStatus, Long> counts =
        requests.countByStatus().stream()
            .collect(Collectors.toMap(HelpRequestRepository.StatusCount::getStatus, HelpRequestRepository.StatusCount::getCount));

    assertThat(counts).containsEntry(RequestStatus.RECEIVED, 2L).containsEntry(RequestStatus.QUALIFYING, 1L).hasSize(2);
  }

  @Test
  void historyKeepsItsOrderAndTheKindsOfMessagesNeverTheirText() {
    HelpRequest request = requests.saveAndFlush(request(T0));
    HelpRequest other = requests.saveAndFlush(request(T0));
    events.saveAllAndFlush(
        List.of(
            RequestEvent.statusChanged(request.getId(), RequestStatus.RECEIVED, "system", T0),
            RequestEvent.messageIn(request.getId(), "integrator", T0),
            RequestEvent.statusChanged(request.getId(), RequestStatus.QUALIFYING, "system", T0.plusMillis(1)),
            RequestEvent.messageOut(request.getId(), MessageKind.TEMPLATE, "greeting", "system", T0.plusMillis(2)),
            RequestEvent.statusChanged(other.getId(), RequestStatus.RECEIVED, "system", T0)));
    entities.clear();

    List<RequestEvent> history = events.findByRequestIdOrderByAtAscIdAsc(request.getId());

    assertThat(history).extracting(RequestEvent::getType)
        .containsExactly(
            RequestEventType.STATUS_CHANGED,
            RequestEventType.MESSAGE_IN,
            RequestEventType.STATUS_CHANGED,
            RequestEventType.MESSAGE_OUT);
    assertThat(history).extracting(RequestEvent::getId).isSorted().doesNotContainNull();
    assertThat(history.get(1).getKind()).isEqualTo("MESSAGE");
    assertThat(history.get(3).getKind()).isEqualTo("TEMPLATE");
    assertThat(history.get(3).getTemplate()).isEqualTo("greeting");
    assertThat(events.findByRequestIdInOrderByAtAscIdAsc(List.of(request.getId(), other.getId()))).hasSize(5);
    assertThat(events.findByRequestIdAndTypeOrderByAtDescIdDesc(request.getId(), RequestEventType.STATUS_CHANGED))
        .extracting(RequestEvent::getStatus)
        .containsExactly(RequestStatus.QUALIFYING, RequestStatus.RECEIVED);
  }

  @Test
  void anIdempotencyKeyBelongsToOneRequestOfEachCaller() {
    HelpRequest first = request(T0);
    first.rememberIdempotencyKey("bot-a", "same-key", "a".repeat(64));
    requests.saveAndFlush(first);
    HelpRequest ofAnotherCaller = request(T0.plus(Duration.ofSeconds(1)));
    ofAnotherCaller.rememberIdempotencyKey("bot-b", "same-key", "a".repeat(64));
    requests.saveAndFlush(ofAnotherCaller);
    HelpRequest second = request(T0.plus(Duration.ofSeconds(2)));
    second.rememberIdempotencyKey("bot-a", "same-key", "b".repeat(64));

    assertThatThrownBy(() -> requests.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void findsTheRequestsAnIntegratorBrought() {
    HelpRequest ofA = request(T0);
    ofA.rememberIntegrator("bot-a");
    HelpRequest ofB = request(T0.plusSeconds(1));
    ofB.rememberIntegrator("bot-b");
    HelpRequest ofStaff = request(T0.plusSeconds(2));
    requests.saveAllAndFlush(List.of(ofA, ofB, ofStaff));

    assertThat(requests.findByContactIdAndIntegratorOrderByCreatedAt(contact.getId(), "bot-a"))
        .extracting(HelpRequest::getId)
        .containsExactly(ofA.getId());
    assertThat(requests.existsByIdAndIntegrator(ofA.getId(), "bot-a")).isTrue();
    assertThat(requests.existsByIdAndIntegrator(ofA.getId(), "bot-b")).isFalse();
    assertThat(requests.existsByIdAndIntegrator(ofStaff.getId(), "bot-a")).isFalse();
    assertThat(requests.existsByIdAndIntegrator(UUID.randomUUID(), "bot-a")).isFalse();
  }

  private HelpRequest request(Instant createdAt) {
    return new HelpRequest(contact.getId(), Channel.TELEGRAM, 34, "uk", createdAt);
  }
}
