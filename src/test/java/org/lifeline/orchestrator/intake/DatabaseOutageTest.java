package org.lifeline.orchestrator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.RunningPlatform;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.contact.ContactDirectory;
import org.lifeline.orchestrator.notification.OutboundMessage;
import org.lifeline.orchestrator.notification.OutboundMessageRepository;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestRepository;

/**
 * Fault: the database goes away while jobs run. The platform talks to a real database server (H2 over TCP) that
 * the test stops and starts again. Reminder jobs that run during the outage fail and are retried with backoff;
 * intake answers 503 and stores nothing; once the database is back every request is still there, each message went
 * out exactly once, and no job became an incident.
 */
class DatabaseOutageTest {

  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final int REQUESTS = 3;
  private static final String REMINDER = "questionnaire-reminder";

  @Test
  void jobsRunDuringAnOutageFailAreRetriedAndFinishOnceWhenTheDatabaseIsBack(@TempDir Path data) throws Exception {
    int port = freePort();
    Server database = startDatabase(port, data);
    Map<String, Object> settings =
        Map.of(
            "spring.datasource.url",
            "jdbc:h2:tcp://127.0.0.1:" + port + "/lifeline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            // Fail fast instead of waiting for a connection while the server is down.
            "spring.datasource.hikari.connection-timeout",
            "250",
            "spring.datasource.hikari.exception-override-class-name",
            BrokenH2ConnectionsAreEvicted.class.getName(),
            // The production backoff (2s, 4s, 8s, 16s): the retries must span the outage by themselves.
            "lifeline.jobs.first-backoff",
            "2s");
    try (RunningPlatform platform = RunningPlatform.start(settings, ApiClient.DEMO_KEY)) {
      Map<Long, UUID> requestOfInstance = new HashMap<>();
      for (int n = 0; n < REQUESTS; n++) {
        UUID id = created(platform, "outage-" + n + "-" + UUID.randomUUID());
        Awaitility.await()
            .atMost(PATIENCE)
            .until(() -> platform.getJson(path(id)), request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
        requestOfInstance.put(platform.bean(HelpRequestRepository.class).findById(id).orElseThrow().getProcessInstanceKey(), id);
      }
      ZeebeTestEngine engine = platform.bean(ZeebeTestEngine.class);

      database.stop();
      // An hour without an answer: every request's reminder job runs now, with the database gone.
      engine.increaseTime(Duration.ofMinutes(61));
      // The outage lasts until every reminder job has failed twice: its first retry, after the backoff, failed too.
      Awaitility.await()
          .atMost(PATIENCE)
          .until(
              () -> reminderFailures(engine),
              failures -> requestOfInstance.keySet().stream().allMatch(instance -> failures.getOrDefault(instance, List.of()).size() >= 2));
      String outageHandle = "outage-refused-" + UUID.randomUUID();
      HttpResponse<String> refused =
          platform.post("/api/v1/requests", "{\"channel\":\"web\",\"channelUserId\":\"" + outageHandle + "\",\"age\":30}");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(platform.readJson(refused.body()).get("status").asInt()).isEqualTo(503);

      database = startDatabase(port, data);

      for (UUID id : requestOfInstance.values()) {
        JsonNode reminded =
            Awaitility.await()
                .atMost(PATIENCE)
                .ignoreExceptionsMatching(DatabaseOutageTest::isUnavailable)
                .until(() -> platform.getJson(path(id)), request -> ApiClient.hasOutbound(request, REMINDER));
        assertThat(reminded.get("status").asText()).isEqualTo("QUESTIONNAIRE");
        assertThat(ApiClient.countOutbound(reminded, "greeting")).isEqualTo(1);
        assertThat(ApiClient.countOutbound(reminded, REMINDER)).isEqualTo(1);
        assertThat(platform.bean(OutboundMessageRepository.class).findByRequestIdOrderByCreatedAt(id))
            .extracting(OutboundMessage::getTemplate)
            .containsExactlyInAnyOrder("greeting", REMINDER);
        // A pooled connection from before the outage may still fail once (503, Retry-After): the caller retries.
        Awaitility.await()
            .atMost(PATIENCE)
            .until(
                () -> platform.post(path(id) + "/questionnaire/answers", "{\"questionId\":\"topic\",\"answer\":\"anxiety\"}"),
                answered -> answered.statusCode() == 200);
      }
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> completedReminderTasks(engine).containsAll(requestOfInstance.keySet()));
      Map<Long, List<Integer>> failures = reminderFailures(engine);
      assertThat(failures.keySet()).containsExactlyInAnyOrderElementsOf(requestOfInstance.keySet());
      assertThat(failures.values()).allSatisfy(retriesLeft -> assertThat(retriesLeft).allMatch(retries -> retries > 0));
      assertThat(incidents(engine)).isZero();
      assertThat(platform.bean(HelpRequestRepository.class).count()).isEqualTo(REQUESTS);
      assertThat(platform.bean(ContactDirectory.class).find(Channel.WEB, outageHandle)).isEmpty();
    } finally {
      database.stop();
    }
  }

  /** A refusal the caller is told to retry (see {@link RunningPlatform#getJson}). */
  private static boolean isUnavailable(Throwable failure) {
    return failure instanceof IllegalStateException && failure.getMessage().contains(" answered 503:");
  }

  /**
   * The pool drops a connection whose driver reports it broken. PostgreSQL's driver says so with SQLSTATE class 08,
   * which HikariCP knows; H2's client uses its own codes (90067 "connection is broken", 90121 "database is already
   * closed") for the same, so this tells the pool what they mean. Without it the pool would hand out connections of
   * the stopped server again and again.
   */
  public static class BrokenH2ConnectionsAreEvicted implements SQLExceptionOverride {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
      return failure instanceof SQLNonTransientConnectionException
          ? SQLExceptionOverride.Override.MUST_EVICT
          : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
  }

  private static Server startDatabase(int port, Path data) throws SQLException {
    return Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", data.toString(), "-ifNotExists").start();
  }

  private static UUID created(RunningPlatform platform, String handle) throws Exception {
    HttpResponse<String> response =
        platform.post("/api/v1/requests", "{\"channel\":\"web\",\"channelUserId\":\"" + handle + "\",\"age\":30}");
    assertThat(response.statusCode()).isEqualTo(201);
    return UUID.fromString(platform.readJson(response.body()).get("id").asText());
  }

  private static String path(UUID id) {
    return "/api/v1/requests/" + id;
  }

  /** Per process instance, the retries left after each failure of its reminder job. */
  private static Map<Long, List<Integer>> reminderFailures(ZeebeTestEngine engine) {
    Map<Long, List<Integer>> failures = new HashMap<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.getRecordType() == RecordType.EVENT
          && record.getValueType() == ValueType.JOB
          && record.getIntent() == JobIntent.FAILED
          && record.getValue() instanceof JobRecordValue job
          && job.getType().equals(HelpRequestProcess.JOB_SEND_QUESTIONNAIRE_REMINDER)) {
        failures.computeIfAbsent(job.getProcessInstanceKey(), key -> new ArrayList<>()).add(job.getRetries());
      }
    }
    return failures;
  }

  private static Set<Long> completedReminderTasks(ZeebeTestEngine engine) {
    Set<Long> instances = new HashSet<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.getValueType() == ValueType.PROCESS_INSTANCE
          && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && record.getValue() instanceof ProcessInstanceRecordValue element
          && element.getElementId().equals(HelpRequestProcess.Elements.TASK_SEND_QUESTIONNAIRE_REMINDER)) {
        instances.add(element.getProcessInstanceKey());
      }
    }
    return instances;
  }

  private static long incidents(ZeebeTestEngine engine) {
    long incidents = 0;
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED) {
        incidents++;
      }
    }
    return incidents;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
