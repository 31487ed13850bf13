package org.lifeline.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.engine.EngineRun;
import org.lifeline.orchestrator.engine.UserTaskAdaptation;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Emergency escalation end to end: HTTP, database, the embedded engine and the real workers. */
@PlatformTest
class EscalationApiTest {

  private static final String RISKY = "I want to kill myself tonight";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ZeebeTestEngine engine;
  @Autowired CamundaClient client;
  @Autowired EngineRun engineRun;
  @Autowired RequestLifecycle lifecycle;
  @Autowired HelpRequestRepository requests;
  @Autowired EscalationSignalRepository signals;
  @Autowired Escalations escalations;
  @Autowired EscalationRepository escalationRows;
  @Autowired AssignmentService assignment;
  @Autowired Clock clock;

  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
  }

  @Test
  void aRiskyMessageSendsCrisisResourcesAndCreatesASupervisorTaskWithinTwoSeconds() throws Exception {
    UUID id = newRequest(null);

    postMessage(id, RISKY).andExpect(status().isAccepted());

    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> ApiClient.hasOutbound(api.request(id), "crisis-resources") && reviewTaskJob(id).isPresent());
    JobRecordValue task = reviewTaskJob(id).orElseThrow();
    assertThat(task.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"supervisors\"]");
    JsonNode request = api.request(id);
    assertThat(request.get("riskLevel").asText()).isEqualTo("HIGH");
    assertThat(entries(request, "RISK_SIGNAL"))
        .singleElement()
        .satisfies(
            signal -> {
              assertThat(signal.get("level").asText()).isEqualTo("HIGH");
              assertThat(signal.get("step").asText()).isEqualTo("message");
              assertThat(signal.get("detail").asText()).startsWith("en-");
            });
    assertThat(entries(request, "ESCALATION")).extracting(entry -> entry.get("step").asText()).contains("opened");
    assertThat(request.toString()).doesNotContain("kill myself");
  }

  @Test
  void theFirstMessageAtIntakeIsScannedToo() throws Exception {
    UUID id = newRequest("Я хочу покончить с собой");

    JsonNode request = api.awaitRequest(id, found -> ApiClient.hasOutbound(found, "crisis-resources"));

    assertThat(request.get("riskLevel").asText()).isEqualTo("HIGH");
    assertThat(entries(request, "RISK_SIGNAL")).hasSize(1);
    // The crisis resources go out with the signal; the escalation opens when its process has started.
    awaitStep(id, "opened");
    assertThat(escalations.list(true)).anySatisfy(open -> assertThat(open.requestId()).isEqualTo(id));
  }

  @Test
  void aSecondRiskyMessageWhileAnEscalationIsOpenIsRecordedButStartsNoSecondEscalation() throws Exception {
    UUID id = newRequest(null);
    postMessage(id, RISKY).andExpect(status().isAccepted());
    awaitStep(id, "opened");

    postMessage(id, "I have pills saved up, I'm going to overdose").andExpect(status().isAccepted());
    // Published with time-to-live zero: once the engine has expired the second message, its chance to start an
    // instance is over.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                signals.findByRequestIdOrderByCreatedAt(id).stream()
                    .allMatch(signal -> signal.getPublishedAt() != null && expired(signal.getId())));

    assertThat(signals.findByRequestIdOrderByCreatedAt(id)).hasSize(2);
    assertThat(entries(api.request(id), "RISK_SIGNAL")).hasSize(2);
    assertThat(escalationInstancesOf(id)).hasSize(1);
    assertThat(escalations.ofRequest(id)).hasSize(1);
    assertThat(ApiClient.countOutbound(api.request(id), "crisis-resources")).isEqualTo(1);
  }

  @Test
  void aNegatedPhraseIsRecordedForReviewAtLowLevelWithoutAnEscalation() throws Exception {
    UUID id = newRequest(null);

    postMessage(id, "I don't want to die, I just can't sleep").andExpect(status().isAccepted());

    JsonNode request = api.request(id);
    assertThat(request.get("riskLevel").asText()).isEqualTo("LOW");
    assertThat(entries(request, "RISK_SIGNAL"))
        .singleElement()
        .satisfies(
            signal -> {
              assertThat(signal.get("level").asText()).isEqualTo("LOW");
              assertThat(signal.get("detail").asText()).contains(":negated");
            });
    assertThat(signals.findIdsToPublish(clock.instant().plus(Duration.ofDays(1)), Limit.of(10_000)))
        .as("a LOW signal is never published")
        .doesNotContainAnyElementsOf(signals.findByRequestIdOrderByCreatedAt(id).stream().map(EscalationSignal::getId).toList());
    assertThat(escalations.ofRequest(id)).isEmpty();
  }

  @Test
  void aSupervisorClosingTheEscalationClosesTheRequestAndCancelsItsRunningProcess() throws Exception {
    UUID id = newRequest(null);
    long running = driveByWaitingInstance(id, RequestStatus.IN_PROGRESS);

    flag(id, "HIGH", "disclosed-plan", httpBasic("curator", "demo"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.escalates").value(true));
    JobRecordValue task = awaitReviewTask(id);
    completeReview(id, "emergency-services", "close");

    JsonNode closed = api.awaitRequest(id, found -> "CLOSED".equals(found.get("status").asText()));
    assertThat(entries(closed, "ESCALATION"))
        .extracting(entry -> entry.get("step").asText())
        .containsSubsequence("opened", "closed");
    assertThat(entries(closed, "ESCALATION"))
        .filteredOn(entry -> "closed".equals(entry.get("step").asText()))
        .singleElement()
        .satisfies(entry -> assertThat(entry.get("detail").asText()).isEqualTo("emergency-services"));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> terminated(running));
    assertThat(escalations.ofRequest(id))
        .singleElement()
        .satisfies(
            escalation -> {
              assertThat(escalation.decision()).isEqualTo("close");
              assertThat(escalation.closedAt()).isNotNull();
            });
    assertThat(task.getElementId()).isEqualTo(RiskEscalationProcess.Elements.REVIEW_ESCALATION);
  }

  @Test
  void aSupervisorLettingTheRequestContinueGivesItTopPriority() throws Exception {
    UUID id = newRequest(null);
    long running = driveByWaitingInstance(id, RequestStatus.AWAITING_ASSIGNMENT);

    flag(id, "MEDIUM", "concern", httpBasic("curator", "demo")).andExpect(status().isAccepted());
    awaitReviewTask(id);
    mvc.perform(get("/api/v1/escalations").with(httpBasic("supervisor", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.escalations[?(@.requestId == '%s')].source".formatted(id)).value("flag"));
    completeReview(id, "contacted-person", "continue");

    JsonNode continued =
        api.awaitRequest(
            id,
            found -> entries(found, "ESCALATION").stream().anyMatch(entry -> "continued".equals(entry.get("step").asText())));
    assertThat(continued.get("status").asText()).isEqualTo("AWAITING_ASSIGNMENT");
    assertThat(continued.get("riskLevel").asText()).isEqualTo("HIGH");
    assertThat(requests.findById(id).orElseThrow().isPriority()).isTrue();
    assertThat(terminated(running)).isFalse();
    assertThat(escalations.list(true)).noneMatch(open -> open.requestId().equals(id));
    assertThat(escalations.list(false)).anySatisfy(done -> {
      assertThat(done.requestId()).isEqualTo(id);
      assertThat(done.decision()).isEqualTo("continue");
      assertThat(done.outcome()).isEqualTo("contacted-person");
    });
  }

  @Test
  void anUnreviewedEscalationAlertsTheBackupAndThenAllSupervisors() throws Exception {
    UUID id = newRequest(null);
    flag(id, "HIGH", "concern", httpBasic("supervisor", "demo")).andExpect(status().isAccepted());
    awaitReviewTask(id);
    awaitStep(id, "on-duty-notified");

    engine.increaseTime(Duration.ofMinutes(5));
    JsonNode backup = awaitStep(id, "backup-notified");
    assertThat(entries(backup, "ESCALATION"))
        .filteredOn(entry -> "backup-notified".equals(entry.get("step").asText()))
        .singleElement()
        .satisfies(entry -> assertThat(entry.get("detail").asText()).isEqualTo("admin"));

    engine.increaseTime(Duration.ofMinutes(10));
    JsonNode all = awaitStep(id, "all-supervisors-alerted");
    assertThat(entries(all, "ESCALATION"))
        .filteredOn(entry -> "all-supervisors-alerted".equals(entry.get("step").asText()))
        .singleElement()
        .satisfies(entry -> assertThat(entry.get("detail").asText()).isEqualTo("supervisor,admin"));
    completeReview(id, "false-alarm", "continue");
    awaitStep(id, "continued");
  }

  @Test
  void aClinicalLeadCanTryTheDetectorWithoutStoringTheText() throws Exception {
    long before = signals.count();
    mvc.perform(
            post("/api/v1/risk/assessments")
                .with(httpBasic("supervisor", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"I don't want to live anymore\",\"language\":\"en\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.level").value("HIGH"))
        .andExpect(jsonPath("$.signals[0].id").isNotEmpty())
        .andExpect(jsonPath("$.signals[0].category").isNotEmpty());
    mvc.perform(
            post("/api/v1/risk/assessments")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"What a lovely day\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.level").value("NONE"))
        .andExpect(jsonPath("$.signals").isEmpty());
    assertThat(signals.count()).isEqualTo(before);

    mvc.perform(
            post("/api/v1/risk/assessments")
                .with(httpBasic("curator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/risk/assessments")
                .with(httpBasic("supervisor", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("text"));
  }

  @Test
  void aSpecialistFlagsOnlyTheCasesTheyHold() throws Exception {
    UUID id = newRequest(null);
    String username = "flagging-specialist-" + UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor holder = user(username).roles(Roles.SPECIALIST);
    RequestPostProcessor anotherSpecialist = user("another-" + username).roles(Roles.SPECIALIST);
    UUID specialistId = registerSpecialist(username);

    flag(id, "HIGH", "concern", holder).andExpect(status().isNotFound());
    flag(id, "HIGH", "concern", anotherSpecialist).andExpect(status().isNotFound());
    flag(UUID.randomUUID(), "HIGH", "concern", holder)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(signals.findByRequestIdOrderByCreatedAt(id)).as("no escalation from a stranger's flag").isEmpty();

    assertThat(assignment.reserve(id, specialistId)).isPresent();

    flag(id, "HIGH", "concern", anotherSpecialist).andExpect(status().isNotFound());
    flag(id, "HIGH", "disclosed-plan", holder).andExpect(status().isAccepted()).andExpect(jsonPath("$.escalates").value(true));
    assertThat(signals.findByRequestIdOrderByCreatedAt(id)).hasSize(1);
    assertThat(entries(api.request(id), "RISK_SIGNAL")).singleElement()
        .satisfies(signal -> assertThat(signal.get("actor").asText()).isEqualTo(username));
    flag(id, "LOW", "concern", httpBasic("curator", "demo")).andExpect(status().isAccepted());
  }

  /** A specialist nobody else's request matches (Zulu only), with one place: the test's reservation takes it. */
  private UUID registerSpecialist(String username) throws Exception {
    String body =
        """
        {"name":"Flagging Specialist","username":"%s","languages":["zu"],"topics":["other"],"ageGroups":["SENIOR"],
         "timeZone":"Europe/Kyiv","maxCases":1,"shifts":[{"day":"MONDAY","start":"09:00","end":"10:00"}]}
        """
            .formatted(username);
    String created =
        mvc.perform(post("/api/v1/specialists").with(httpBasic("curator", "demo")).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(json.readTree(created).get("id").asText());
  }

  @Test
  void invalidOrUnauthorisedSignalsAreRefusedWithAProblem() throws Exception {
    UUID id = newRequest(null);

    postMessage(UUID.randomUUID(), RISKY)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    postMessage(id, "  ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("text"));
    mvc.perform(
            post("/api/v1/requests/{id}/messages", id)
                .with(httpBasic("specialist", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"hello\"}"))
        .andExpect(status().isForbidden());

    flag(id, "NONE", "concern", httpBasic("curator", "demo"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("level"));
    flag(id, "HIGH", "Has a plan!", httpBasic("curator", "demo"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
    flag(UUID.randomUUID(), "HIGH", "concern", httpBasic("curator", "demo")).andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/requests/{id}/risk-flags", id)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"HIGH\",\"reasonCode\":\"concern\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/escalations").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isForbidden());
    assertThat(signals.findByRequestIdOrderByCreatedAt(id)).isEmpty();
  }

  @Test
  void aMessageToAClosedRequestIsStillTakenAndScanned() throws Exception {
    UUID id = newRequest(null);
    // Closed once the process has settled, not while its first steps still write the request.
    api.awaitRequest(id, found -> "QUESTIONNAIRE".equals(found.get("status").asText()));
    lifecycle.changeStatus(id, RequestStatus.CLOSED, "test");

    postMessage(id, RISKY).andExpect(status().isAccepted());

    api.awaitRequest(id, found -> ApiClient.hasOutbound(found, "crisis-resources"));
  }

  @Test
  void anEscalationLostWithAnEmbeddedEngineRestartIsReDriven() throws Exception {
    UUID id = newRequest(null);
    lifecycle.raiseRisk(id, RiskLevel.HIGH);
    // Opened four minutes before the restart: the new escalation's review limits count from then, not from now.
    escalationRows.saveAndFlush(
        new Escalation(id, "embedded-earlier-run", 42L, RiskLevel.HIGH, "message", clock.instant().minus(Duration.ofMinutes(4))));

    assertThat(escalations.redriveEarlierRuns(engineRun.id())).isPositive();

    awaitReviewTask(id);
    JsonNode request = awaitStep(id, "opened");
    assertThat(entries(request, "ESCALATION"))
        .extracting(entry -> entry.get("step").asText())
        .containsSubsequence("re-driven", "opened");
    List<EscalationView> both = escalations.ofRequest(id);
    assertThat(both).hasSize(2);
    assertThat(both.get(0).step()).isEqualTo("re-driven");
    assertThat(both.get(0).closedAt()).isNotNull();
    assertThat(both.get(1).closedAt()).isNull();
    List<Escalation> rows = escalationRows.findByRequestIdOrderByOpenedAt(id);
    assertThat(escalations.ladderStartedAt(rows.get(1)))
        .as("the supervisors' ladder counts from the lost escalation's opening")
        .isEqualTo(rows.get(0).getOpenedAt());
  }

  // --- helpers

  private UUID newRequest(String message) throws Exception {
    String body =
        message == null
            ? "{\"channel\":\"telegram\",\"channelUserId\":\"%s\",\"age\":30,\"language\":\"en\"}".formatted(UUID.randomUUID())
            : "{\"channel\":\"telegram\",\"channelUserId\":\"%s\",\"age\":30,\"language\":\"ru\",\"message\":\"%s\"}"
                .formatted(UUID.randomUUID(), message);
    return UUID.fromString(api.createRequest(body).get("id").asText());
  }

  private ResultActions postMessage(UUID id, String text) throws Exception {
    return mvc.perform(
        post("/api/v1/requests/{id}/messages", id)
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("text", text))));
  }

  private ResultActions flag(
      UUID id, String level, String reasonCode, RequestPostProcessor user) throws Exception {
    return mvc.perform(
        post("/api/v1/requests/{id}/risk-flags", id)
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"level\":\"%s\",\"reasonCode\":\"%s\"}".formatted(level, reasonCode)));
  }

  /**
   * Makes a stand-in instance that waits (like a later stage of the request's lifecycle) drive the request, once the
   * intake process has greeted the person.
   */
  private long driveByWaitingInstance(UUID id, RequestStatus stage) throws Exception {
    // The request's own process first reaches its questionnaire wait state, so it changes no status afterwards.
    api.awaitRequest(
        id, found -> ApiClient.hasOutbound(found, "greeting") && "QUESTIONNAIRE".equals(found.get("status").asText()));
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("stage-stand-in")
                .startEvent()
                .serviceTask("Task_Stage", task -> task.zeebeJobType("standInStage"))
                .endEvent()
                .done(),
            "stage-stand-in.bpmn")
        .send()
        .join();
    long key =
        client.newCreateInstanceCommand().bpmnProcessId("stage-stand-in").latestVersion().send().join().getProcessInstanceKey();
    lifecycle.processStarted(id, key, engineRun.id());
    lifecycle.changeStatus(id, stage, "test");
    return key;
  }

  private JsonNode awaitStep(UUID id, String step) {
    return api.awaitRequest(
        id, found -> entries(found, "ESCALATION").stream().anyMatch(entry -> step.equals(entry.get("step").asText())));
  }

  private JobRecordValue awaitReviewTask(UUID id) {
    return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reviewTaskJob(id), Optional::isPresent).orElseThrow();
  }

  /** Completes the review as a supervisor would in the task inbox (the job of the adapted user task). */
  private void completeReview(UUID id, String outcome, String decision) {
    long jobKey = reviewTaskJobRecord(id).orElseThrow().getKey();
    client.newCompleteCommand(jobKey).variables(Map.of("outcome", outcome, "decision", decision)).send().join();
  }

  private Optional<JobRecordValue> reviewTaskJob(UUID id) {
    return reviewTaskJobRecord(id).map(Record::getValue);
  }

  @SuppressWarnings("unchecked")
  private Optional<Record<JobRecordValue>> reviewTaskJobRecord(UUID id) {
    List<Long> instances = escalationInstancesOf(id);
    return records()
        .filter(record -> record.getValueType() == ValueType.JOB && record.getIntent() == JobIntent.CREATED)
        .map(record -> (Record<JobRecordValue>) record)
        .filter(record -> UserTaskAdaptation.JOB_TYPE.equals(record.getValue().getType()))
        .filter(record -> instances.contains(record.getValue().getProcessInstanceKey()))
        .findFirst();
  }

  /** The risk-escalation instances whose requestId variable is this request. */
  private List<Long> escalationInstancesOf(UUID id) {
    String value = "\"" + id + "\"";
    List<Long> instances = new ArrayList<>();
    records()
        .filter(record -> record.getValueType() == ValueType.VARIABLE)
        .map(record -> (VariableRecordValue) record.getValue())
        .filter(variable -> "requestId".equals(variable.getName()) && value.equals(variable.getValue()))
        .filter(variable -> RiskEscalationProcess.PROCESS_ID.equals(variable.getBpmnProcessId()))
        .map(VariableRecordValue::getProcessInstanceKey)
        .distinct()
        .forEach(instances::add);
    return instances;
  }

  private boolean expired(UUID messageId) {
    return records()
        .filter(record -> record.getValueType() == ValueType.MESSAGE && record.getIntent() == MessageIntent.EXPIRED)
        .map(record -> (MessageRecordValue) record.getValue())
        .anyMatch(message -> messageId.toString().equals(message.getMessageId()));
  }

  private boolean terminated(long processInstanceKey) {
    return records()
        .filter(record -> record.getValueType() == ValueType.PROCESS_INSTANCE)
        .filter(record -> record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)
        .map(record -> (ProcessInstanceRecordValue) record.getValue())
        .anyMatch(
            value -> value.getBpmnElementType() == BpmnElementType.PROCESS && value.getProcessInstanceKey() == processInstanceKey);
  }

  private Stream<Record<?>> records() {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false);
  }

  private static List<JsonNode> entries(JsonNode request, String type) {
    List<JsonNode> found = new ArrayList<>();
    request.get("history").forEach(entry -> {
      if (type.equals(entry.path("type").asText())) {
        found.add(entry);
      }
    });
    return found;
  }
}
