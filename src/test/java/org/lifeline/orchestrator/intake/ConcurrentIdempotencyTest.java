package org.lifeline.orchestrator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.contact.Channel;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several submissions of one Idempotency-Key at the same moment make one request, and the race they lose is logged as
 * one plain line: no ERROR, no SQL, no key value.
 */
@PlatformTest
class ConcurrentIdempotencyTest {

  static final int ROUNDS = 15;
  static final int SUBMISSIONS = 6;

  @Autowired Intake intake;

  @Test
  void racingSubmissionsMakeOneRequestAndLogOneCleanLineEach() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    List<String> keys = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(SUBMISSIONS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String key = "race-key-" + UUID.randomUUID();
        keys.add(key);
        IntakeRequest body = new IntakeRequest(Channel.WEB, "race-" + UUID.randomUUID(), null, 30, "en", "hello");
        CyclicBarrier start = new CyclicBarrier(SUBMISSIONS);
        List<Future<Intake.Submission>> submissions = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
          submissions.add(threads.submit(() -> {
            start.await();
            return intake.submit(body, key, "demo", "demo");
          }));
        }
        List<Intake.Submission> answered = new ArrayList<>();
        for (Future<Intake.Submission> submission : submissions) {
          answered.add(submission.get());
        }
        assertThat(answered).extracting(done -> done.request().getId()).as("round %d", round).containsOnly(answered.get(0).request().getId());
        assertThat(answered).filteredOn(done -> !done.replayed()).as("round %d", round).hasSize(1);
      }
    } finally {
      threads.shutdown();
      root.detachAppender(logged);
    }

    List<ILoggingEvent> events = new ArrayList<>(logged.list);
    assertThat(events)
        .filteredOn(event -> event.getLoggerName().equals(Intake.class.getName()))
        .as("at least one of %d rounds raced", ROUNDS)
        .isNotEmpty()
        .allSatisfy(event -> {
          assertThat(event.getLevel()).isEqualTo(Level.INFO);
          assertThat(event.getFormattedMessage()).startsWith("Concurrent submissions by demo with one Idempotency-Key");
          assertThat(event.getThrowableProxy()).isNull();
        });
    assertThat(events)
        .as("nothing logs the SQL, the constraint or a key value")
        .noneMatch(event -> keys.stream().anyMatch(key -> event.getFormattedMessage().contains(key)))
        .noneMatch(event -> event.getFormattedMessage().contains("uq_help_request_idempotency"))
        .noneMatch(event -> event.getLoggerName().startsWith("org.hibernate") && event.getLevel().isGreaterOrEqual(Level.WARN));
  }
}
