package org.lifeline.orchestrator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.RunningPlatform;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.assignment.AgeGroup;
import org.lifeline.orchestrator.assignment.ShiftInput;
import org.lifeline.orchestrator.assignment.SpecialistDraft;
import org.lifeline.orchestrator.assignment.SpecialistRegistry;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.notification.OutboundMessageRepository;
import org.lifeline.orchestrator.questionnaire.QuestionnaireAnswerRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;

/** The database is the system of record: requests survive an unreachable or restarted engine. */
class NothingIsLostTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void aRequestTakenWhileTheEngineIsDownGetsItsProcessWhenTheEngineIsBack() throws Exception {
    int enginePort = freePort();
    String apiKey = "test-key-" + UUID.randomUUID();
    Map<String, Object> clusterMode =
        Map.ofEntries(
            Map.entry("lifeline.engine.mode", "camunda"),
            Map.entry("lifeline.security.users[0].username", "curator"),
            Map.entry("lifeline.security.users[0].roles", "CURATOR"),
            Map.entry("lifeline.security.users[0].password-hash", "{noop}not-the-demo"),
            Map.entry("camunda.client.grpc-address", "http://127.0.0.1:" + enginePort),
            Map.entry("camunda.client.rest-address", "http://127.0.0.1:" + freePort()),
            Map.entry("camunda.client.prefer-rest-over-grpc", "false"),
            Map.entry("camunda.client.request-timeout", "2s"),
            Map.entry("lifeline.security.integrators[0].name", "test-bot"),
            Map.entry("lifeline.security.integrators[0].key", apiKey),
            Map.entry("lifeline.security.integrators[0].channels", "web"),
            Map.entry("lifeline.crypto.keys[0].id", "test"),
            Map.entry("lifeline.crypto.keys[0].secret", "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdCE="),
            Map.entry("lifeline.crypto.active-key", "test"));
    ZeebeTestEngine engine = null;
    try (RunningPlatform platform = RunningPlatform.start(clusterMode, apiKey)) {
      HttpResponse<String> response =
          platform.post("/api/v1/requests", "{\"channel\":\"web\",\"channelUserId\":\"offline-1\",\"age\":30}");

      assertThat(response.statusCode()).isEqualTo(201);
      JsonNode stored = platform.readJson(response.body());
      assertThat(stored.get("status").asText()).isEqualTo("RECEIVED");
      String path = "/api/v1/requests/" + stored.get("id").asText();

      engine = EngineFactory.create(enginePort);
      engine.start();

      JsonNode driven =
          Awaitility.await()
              .atMost(PATIENCE)
              .pollInterval(Duration.ofMillis(200))
              .until(() -> platform.getJson(path), request -> ApiClient.hasOutbound(request, "greeting"));
      assertThat(driven.get("status").asText()).isIn("QUALIFYING", "QUESTIONNAIRE");
    } finally {
      if (engine != null) {
        engine.stop();
      }
    }
  }

  @Test
  void openRequestsAreReDrivenAfterAnEmbeddedRestartAndClosedOnesAreLeftAlone(@TempDir Path data) throws Exception {
    Map<String, Object> fileDatabase =
        Map.of(
            "spring.datasource.url",
            "jdbc:h2:file:" + data.resolve("lifeline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    UUID open;
    UUID closed;
    String firstRun;
    try (RunningPlatform first = RunningPlatform.start(fileDatabase, ApiClient.DEMO_KEY)) {
      open = createdId(first, "restart-open");
      closed = createdId(first, "restart-closed");
      // Both wait in the questionnaire, so no worker of theirs is changing them when one is closed.
      for (UUID waiting : List.of(open, closed)) {
        Awaitility.await()
            .atMost(PATIENCE)
            .until(() -> first.getJson("/api/v1/requests/" + waiting), request -> ApiClient.hasOutbound(request, "greeting")
                && "QUESTIONNAIRE".equals(request.get("status").asText()));
      }
      first.bean(RequestLifecycle.class).changeStatus(closed, RequestStatus.CLOSED, "test");
      firstRun = first.bean(EngineRun.class).id();
    }

    try (RunningPlatform second = RunningPlatform.start(fileDatabase, ApiClient.DEMO_KEY)) {
      String secondRun = second.bean(EngineRun.class).id();
      HelpRequestRepository requests = second.bean(HelpRequestRepository.class);
      HelpRequest redriven =
          Awaitility.await()
              .atMost(PATIENCE)
              .until(() -> requests.findById(open).orElseThrow(), request -> secondRun.equals(request.getEngineRun()));

      assertThat(secondRun).isNotEqualTo(firstRun);
      assertThat(redriven.getStatus()).isIn(RequestStatus.QUALIFYING, RequestStatus.QUESTIONNAIRE);
      assertThat(startedInEngine(second.bean(ZeebeTestEngine.class), open)).isTrue();
      assertThat(requests.findById(closed).orElseThrow().getEngineRun()).isEqualTo(firstRun);
      // The re-driven process asks for the greeting again; the outbox knows it went out already.
      Awaitility.await()
          .during(Duration.ofSeconds(1))
          .atMost(PATIENCE)
          .until(() -> second.bean(OutboundMessageRepository.class).findByRequestIdOrderByCreatedAt(open).size() == 1);
      assertThat(ApiClient.countOutbound(second.getJson("/api/v1/requests/" + open), "greeting")).isEqualTo(1);
    }
  }

  @Test
  void aRequestReDrivenInTheQuestionnaireResumesThereAndFinishesIt(@TempDir Path data) throws Exception {
    Map<String, Object> fileDatabase =
        Map.of(
            "spring.datasource.url",
            "jdbc:h2:file:" + data.resolve("lifeline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    UUID id;
    String path;
    try (RunningPlatform first = RunningPlatform.start(fileDatabase, ApiClient.DEMO_KEY)) {
      id = createdId(first, "resume-questionnaire");
      path = "/api/v1/requests/" + id;
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> "QUESTIONNAIRE".equals(first.getJson(path).get("status").asText()));
      assertThat(answer(first, id, "topic", "anxiety").statusCode()).isEqualTo(200);
    }

    try (RunningPlatform second = RunningPlatform.start(fileDatabase, ApiClient.DEMO_KEY)) {
      String secondRun = second.bean(EngineRun.class).id();
      HelpRequestRepository requests = second.bean(HelpRequestRepository.class);
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> requests.findById(id).orElseThrow(), request -> secondRun.equals(request.getEngineRun()));
      ZeebeTestEngine engine = second.bean(ZeebeTestEngine.class);
      Awaitility.await().atMost(PATIENCE).until(() -> activated(engine, HelpRequestProcess.Elements.TASK_START_QUESTIONNAIRE));
      assertThat(activated(engine, HelpRequestProcess.Elements.START)).isFalse();
      assertThat(activated(engine, HelpRequestProcess.Elements.TASK_COLLECT_QUALIFICATION_FACTS)).isFalse();

      for (String[] answer : new String[][] {
        {"topicDetails", ""}, {"safetyThoughts", "no"}, {"safetyImmediate", "no"}, {"language", "en"}, {"contactTime", "any"}
      }) {
        assertThat(answer(second, id, answer[0], answer[1]).statusCode()).as(answer[0]).isEqualTo(200);
      }
      JsonNode done =
          Awaitility.await()
              .atMost(PATIENCE)
              .until(() -> second.getJson(path), request -> "AWAITING_ASSIGNMENT".equals(request.get("status").asText()));
      assertThat(ApiClient.countOutbound(done, "greeting")).isEqualTo(1);
    }
  }

  @Test
  void aRequestReDrivenAfterARestartKeepsItsReminderDeadline(@TempDir Path data) throws Exception {
    String url = "jdbc:h2:file:" + data.resolve("lifeline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    UUID id;
    try (RunningPlatform first = RunningPlatform.start(Map.of("spring.datasource.url", url), ApiClient.DEMO_KEY)) {
      id = createdId(first, "deadline-" + UUID.randomUUID());
      UUID created = id;
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> "QUESTIONNAIRE".equals(first.getJson("/api/v1/requests/" + created).get("status").asText()));
      assertThat(answer(first, id, "topic", "anxiety").statusCode()).isEqualTo(200);
    }
    // The platform was down for 50 minutes after the person's last answer: everything it stored is 50 minutes older.
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      String fiftyMinutesEarlier = " - interval '50' minute";
      statement.executeUpdate("update help_request set created_at = created_at" + fiftyMinutesEarlier + " where id = '" + id + "'");
      statement.executeUpdate("update request_event set at = at" + fiftyMinutesEarlier + " where request_id = '" + id + "'");
      statement.executeUpdate(
          "update questionnaire_answer set answered_at = answered_at" + fiftyMinutesEarlier + " where request_id = '" + id + "'");
    }

    try (RunningPlatform second = RunningPlatform.start(Map.of("spring.datasource.url", url), ApiClient.DEMO_KEY)) {
      HelpRequestRepository requests = second.bean(HelpRequestRepository.class);
      UUID redriven = id;
      ZeebeTestEngine engine = engineThatTookOver(second, redriven);
      Awaitility.await().atMost(PATIENCE).until(() -> completed(engine, HelpRequestProcess.Elements.TASK_START_QUESTIONNAIRE));
      Instant lastAnswer =
          second.bean(QuestionnaireAnswerRepository.class).findByRequestIdOrderByAnsweredAtAscIdAsc(id).get(0).getAnsweredAt();
      Clock clock = second.bean(Clock.class);
      Instant restarted = clock.instant();
      assertThat(Duration.between(lastAnswer, restarted)).isBetween(Duration.ofMinutes(50), Duration.ofMinutes(55));

      // A minute before an hour has passed since the last answer: no reminder yet.
      engine.increaseTime(Duration.between(clock.instant(), lastAnswer.plus(Duration.ofMinutes(59))));
      engine.waitForIdleState(Duration.ofSeconds(10));
      Awaitility.await()
          .during(Duration.ofSeconds(2))
          .atMost(PATIENCE)
          .until(() -> !ApiClient.hasOutbound(second.getJson("/api/v1/requests/" + redriven), "questionnaire-reminder"));
      // An hour after it: reminded, about ten minutes after the restart rather than an hour.
      engine.increaseTime(Duration.ofMinutes(2));
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> ApiClient.hasOutbound(second.getJson("/api/v1/requests/" + redriven), "questionnaire-reminder"));
      assertThat(Duration.between(restarted, clock.instant())).isLessThan(Duration.ofMinutes(15));
    }
  }

  @Test
  void aCaseReDrivenAfterARestartKeepsItsFirstContactDeadline(@TempDir Path data) throws Exception {
    String url = "jdbc:h2:file:" + data.resolve("lifeline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    String username = "first-contact-" + UUID.randomUUID().toString().substring(0, 8);
    UUID id;
    try (RunningPlatform first = RunningPlatform.start(Map.of("spring.datasource.url", url), ApiClient.DEMO_KEY)) {
      first.bean(SpecialistRegistry.class).create(new SpecialistDraft(
          "Nina Slow", username, Set.of("en"), Set.of("displacement"), Set.of(AgeGroup.SENIOR), "Europe/Kyiv", 1,
          List.of(new ShiftInput(DayOfWeek.MONDAY, "09:00", "17:00"))));
      HttpResponse<String> created = first.post("/api/v1/requests",
          "{\"channel\":\"web\",\"channelUserId\":\"" + username + "\",\"age\":80,\"language\":\"en\",\"message\":\"I had to leave my home\"}");
      assertThat(created.statusCode()).isEqualTo(201);
      id = UUID.fromString(first.readJson(created.body()).get("id").asText());
      UUID request = id;
      awaitStatus(first, request, "QUESTIONNAIRE");
      for (String[] answer : new String[][] {
          {"topic", "displacement"}, {"topicDetails", ""}, {"safetyThoughts", "no"}, {"safetyImmediate", "no"},
          {"language", "en"}, {"contactTime", "evening"}}) {
        assertThat(answer(first, request, answer[0], answer[1]).statusCode()).isEqualTo(200);
      }
      awaitStatus(first, request, "ASSIGNED");
      new TaskInbox(first.bean(CuratorTasks.class)).complete(
          request, HelpRequestProcess.Elements.TASK_RESPOND_TO_ASSIGNMENT, username, Roles.SPECIALIST,
          Map.of(HelpRequestProcess.Variables.ASSIGNMENT_RESPONSE, "accept"));
      awaitStatus(first, request, "IN_PROGRESS");
    }
    // The platform was down for 50 minutes after the specialist accepted the case, and nobody wrote to the person.
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      String fiftyMinutesEarlier = " - interval '50' minute";
      statement.executeUpdate("update help_request set status_changed_at = status_changed_at" + fiftyMinutesEarlier
          + ", updated_at = updated_at" + fiftyMinutesEarlier + " where id = '" + id + "'");
      statement.executeUpdate("update request_event set at = at" + fiftyMinutesEarlier + " where request_id = '" + id + "'");
    }

    try (RunningPlatform second = RunningPlatform.start(Map.of("spring.datasource.url", url), ApiClient.DEMO_KEY)) {
      HelpRequestRepository requests = second.bean(HelpRequestRepository.class);
      UUID redriven = id;
      ZeebeTestEngine engine = engineThatTookOver(second, redriven);
      Awaitility.await().atMost(PATIENCE).until(() -> activated(engine, HelpRequestProcess.Elements.GATEWAY_AWAIT_FIRST_REPLY));
      Instant accepted = requests.findById(redriven).orElseThrow().getStatusChangedAt();
      Clock clock = second.bean(Clock.class);
      Instant restarted = clock.instant();
      assertThat(Duration.between(accepted, restarted)).isBetween(Duration.ofMinutes(50), Duration.ofMinutes(55));

      // A minute before an hour has passed since the acceptance: the curators are not asked yet.
      engine.increaseTime(Duration.between(clock.instant(), accepted.plus(Duration.ofMinutes(59))));
      engine.waitForIdleState(Duration.ofSeconds(10));
      Awaitility.await()
          .during(Duration.ofSeconds(2))
          .atMost(PATIENCE)
          .until(() -> !activated(engine, HelpRequestProcess.Elements.TASK_REVIEW_FIRST_CONTACT));
      // An hour after it: the task Case without first contact, about ten minutes after the restart rather than an hour.
      engine.increaseTime(Duration.ofMinutes(2));
      Awaitility.await().atMost(PATIENCE).until(() -> activated(engine, HelpRequestProcess.Elements.TASK_REVIEW_FIRST_CONTACT));
      assertThat(Duration.between(restarted, clock.instant())).isLessThan(Duration.ofMinutes(15));
    }
  }

  private static void awaitStatus(RunningPlatform platform, UUID requestId, String status) {
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> status.equals(platform.getJson("/api/v1/requests/" + requestId).get("status").asText()));
  }

  private static boolean completed(ZeebeTestEngine engine, String elementId) {
    for (Record<ProcessInstanceRecordValue> record : RecordStream.of(engine.getRecordStreamSource()).processInstanceRecords()) {
      if (record.getValue().getElementId().equals(elementId) && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
        return true;
      }
    }
    return false;
  }

  private static HttpResponse<String> answer(RunningPlatform platform, UUID id, String questionId, String answer)
      throws Exception {
    return platform.post(
        "/api/v1/requests/" + id + "/questionnaire/answers",
        "{\"questionId\":\"" + questionId + "\",\"answer\":\"" + answer + "\"}");
  }

  private static boolean activated(ZeebeTestEngine engine, String elementId) {
    for (Record<ProcessInstanceRecordValue> record : RecordStream.of(engine.getRecordStreamSource()).processInstanceRecords()) {
      if (record.getValue().getElementId().equals(elementId) && record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        return true;
      }
    }
    return false;
  }

  private static UUID createdId(RunningPlatform platform, String user) throws Exception {
    HttpResponse<String> response =
        platform.post("/api/v1/requests", "{\"channel\":\"telegram\",\"channelUserId\":\"" + user + "\",\"age\":25}");
    assertThat(response.statusCode()).isEqualTo(201);
    return UUID.fromString(platform.readJson(response.body()).get("id").asText());
  }

  private static boolean startedInEngine(ZeebeTestEngine engine, UUID requestId) {
    for (Record<VariableRecordValue> variable : RecordStream.of(engine.getRecordStreamSource()).variableRecords()) {
      if (variable.getValue().getName().equals("requestId")
          && variable.getValue().getValue().equals("\"" + requestId + "\"")) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The second run's engine, once the second run has re-driven the request (taken it over from the first run). */
  private static ZeebeTestEngine engineThatTookOver(RunningPlatform second, UUID requestId) {
    String secondRun = second.bean(EngineRun.class).id();
    HelpRequestRepository requests = second.bean(HelpRequestRepository.class);
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> requests.findById(requestId).orElseThrow(), request -> secondRun.equals(request.getEngineRun()));
    return second.bean(ZeebeTestEngine.class);
  }
}
