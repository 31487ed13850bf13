package org.lifeline.orchestrator.assignment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposal time with 5,000 specialists and 10,000 waiting requests (in-memory H2). Not part of the
 * normal test run: {@code mvn -Pbenchmark test}. Goes through the whole queue in order (highest
 * risk first), proposing a specialist for each request and reserving the proposal, so loads change
 * as they would; prints the time of {@link SpecialistMatcher#proposeFor} per request.
 */
@Tag("benchmark")
@AssignmentDataTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MatchingBenchmarkTest {

  static final int SPECIALISTS = 5_000;
  static final int WAITING = 10_000;
  static final String[] LANGUAGES = {"uk", "uk", "uk", "ru", "ru", "ru", "en", "en", "de", "pl"};
  static final String[] TOPICS = Topics.ALL.toArray(String[]::new);
  static final String[] ZONES = {
    "Europe/Kyiv", "Europe/Kyiv", "Europe/Kyiv", "Europe/Kyiv", "Europe/Berlin", "Europe/Berlin", "Europe/Warsaw",
    "UTC", "Asia/Tbilisi", "America/New_York"
  };
  static final RiskLevel[] RISKS = {RiskLevel.NONE, RiskLevel.LOW, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH};

  @Autowired SpecialistMatcher matcher;
  @Autowired SpecialistCapacity capacity;
  @Autowired WaitingQueue queue;
  @Autowired JdbcTemplate jdbc;

  final Random random = new Random(42);
  final Instant now = Instant.parse("2025-03-05T15:20:00Z");

  @Test
  void proposalTimePerRequest() {
    long setupStart = System.nanoTime();
    insertSpecialists();
    insertWaitingRequests();
    System.out.printf("Setup: %d specialists, %d waiting requests in %d s%n", SPECIALISTS, WAITING,
        Duration.ofNanos(System.nanoTime() - setupStart).toSeconds());

    for (int i = 0; i < 200; i++) {
      matcher.proposeFor(new MatchCriteria(pick(LANGUAGES), pick(TOPICS), AgeGroup.ADULT, RiskLevel.LOW, null, now));
    }

    long queueStart = System.nanoTime();
    List<WaitingRequest> waiting = queue.nextWaiting(WAITING);
    System.out.printf("Reading the whole queue in order (%d requests): %d ms; the next 100: %.1f ms%n", waiting.size(),
        Duration.ofNanos(System.nanoTime() - queueStart).toMillis(), timeNextHundred() / 1e6);

    List<Long> nanos = new ArrayList<>(WAITING);
    int proposed = 0;
    int onShift = 0;
    long runStart = System.nanoTime();
    for (WaitingRequest request : waiting) {
      MatchCriteria criteria = new MatchCriteria(request.getLanguage(), request.getTopic(), request.getAgeGroup(),
          request.getRiskLevel(), null, now);
      long start = System.nanoTime();
      Optional<Proposal> proposal = matcher.proposeFor(criteria);
      nanos.add(System.nanoTime() - start);
      if (proposal.isPresent() && capacity.reserve(proposal.get().specialist().specialistId(), request.getRequestId())) {
        proposed++;
        onShift += proposal.get().specialist().onShift() ? 1 : 0;
      }
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "Proposals: %d requests (%d got a specialist and were reserved, %d of them on shift), %d s in all%n",
        sorted.length, proposed, onShift, Duration.ofNanos(System.nanoTime() - runStart).toSeconds());
    System.out.printf(
        "Proposal time per request: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        Arrays.stream(sorted).average().orElse(0) / 1e6, percentile(sorted, 50), percentile(sorted, 99),
        sorted[sorted.length - 1] / 1e6);
  }

  long timeNextHundred() {
    long start = System.nanoTime();
    queue.nextWaiting(100);
    return System.nanoTime() - start;
  }

  static double percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(index, 0)] / 1e6;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  void insertSpecialists() {
    List<Object[]> specialists = new ArrayList<>();
    List<Object[]> languages = new ArrayList<>();
    List<Object[]> topics = new ArrayList<>();
    List<Object[]> ageGroups = new ArrayList<>();
    List<Object[]> shifts = new ArrayList<>();
    Timestamp created = Timestamp.from(now.minus(Duration.ofDays(30)));
    for (int i = 0; i < SPECIALISTS; i++) {
      UUID id = UUID.randomUUID();
      int maxCases = 2 + random.nextInt(9);
      Timestamp lastAssigned = random.nextInt(4) == 0 ? null : Timestamp.from(now.minusSeconds(random.nextInt(86_400 * 7)));
      specialists.add(new Object[] {id, "Specialist " + i, pick(ZONES), maxCases, random.nextInt(maxCases + 1),
          random.nextInt(10) > 0, lastAssigned, created});
      for (String language : distinct(LANGUAGES, 1 + random.nextInt(2))) {
        languages.add(new Object[] {id, language});
      }
      for (String topic : distinct(TOPICS, 1 + random.nextInt(4))) {
        topics.add(new Object[] {id, topic});
      }
      for (AgeGroup group : distinct(AgeGroup.values(), 1 + random.nextInt(3))) {
        ageGroups.add(new Object[] {id, group.name()});
      }
      int start = 6 * 60 + random.nextInt(12) * 60;
      int end = Math.min(start + (4 + random.nextInt(5)) * 60, 24 * 60);
      for (Integer weekday : distinct(new Integer[] {1, 2, 3, 4, 5, 6, 7}, 2 + random.nextInt(5))) {
        shifts.add(new Object[] {id, weekday, start, end});
      }
    }
    jdbc.batchUpdate(
        """
        insert into specialist (id, name, time_zone, max_cases, active_cases, active, last_assigned_at, created_at,
                                updated_at, version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
        """,
        specialists.stream().map(row -> append(row, row[7])).toList());
    jdbc.batchUpdate("insert into specialist_language (specialist_id, language) values (?, ?)", languages);
    jdbc.batchUpdate("insert into specialist_topic (specialist_id, topic) values (?, ?)", topics);
    jdbc.batchUpdate("insert into specialist_age_group (specialist_id, age_group) values (?, ?)", ageGroups);
    jdbc.batchUpdate(
        "insert into specialist_shift (specialist_id, weekday, start_minute, end_minute) values (?, ?, ?, ?)", shifts);
  }

  void insertWaitingRequests() {
    List<Object[]> contacts = new ArrayList<>();
    List<Object[]> requests = new ArrayList<>();
    List<Object[]> waiting = new ArrayList<>();
    for (int i = 0; i < WAITING; i++) {
      UUID contact = UUID.randomUUID();
      UUID request = UUID.randomUUID();
      Timestamp since = Timestamp.from(now.minusSeconds(random.nextInt(3 * 86_400)));
      RiskLevel risk = pick(RISKS);
      contacts.add(new Object[] {contact, contact.toString(), since});
      requests.add(new Object[] {request, contact, risk.name(), since, since});
      waiting.add(new Object[] {request, risk.name(), risk.ordinal(), pick(LANGUAGES), pick(TOPICS),
          random.nextInt(10) == 0 ? null : pick(AgeGroup.values()).name(), since});
    }
    jdbc.batchUpdate("insert into contact (id, channel, channel_user_id, created_at) values (?, 'TELEGRAM', ?, ?)", contacts);
    jdbc.batchUpdate(
        """
        insert into help_request (id, contact_id, channel, status, risk_level, created_at, updated_at, version)
        values (?, ?, 'TELEGRAM', 'AWAITING_ASSIGNMENT', ?, ?, ?, 0)
        """,
        requests);
    jdbc.batchUpdate(
        """
        insert into waiting_request (request_id, risk_level, risk_priority, language, topic, age_group, waiting_since)
        values (?, ?, ?, ?, ?, ?, ?)
        """,
        waiting);
  }

  <T> List<T> distinct(T[] values, int count) {
    List<T> chosen = new ArrayList<>();
    while (chosen.size() < count) {
      T value = pick(values);
      if (!chosen.contains(value)) {
        chosen.add(value);
      }
    }
    return chosen;
  }

  static Object[] append(Object[] row, Object value) {
    Object[] longer = Arrays.copyOf(row, row.length + 1);
    longer[row.length] = value;
    return longer;
  }
}
