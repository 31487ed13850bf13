package org.lifeline.orchestrator.curator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The task API end to end on the embedded engine, with a test-only review process and form. */
@PlatformTest
class TaskApiTest {

  static final String PROCESS_ID = "curator-review-test";
  static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  static final RequestPostProcessor SPECIALIST = httpBasic("specialist", "demo");
  static final RequestPostProcessor SUPERVISOR = httpBasic("supervisor", "demo");
  static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired ProcessModelDeployer deployer;
  @Autowired EmbeddedTaskBackend inbox;
  @Autowired InboxTaskRepository inboxRows;
  @Autowired TaskAuditRepository audit;
  @Autowired TaskNoteRepository notes;

  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    deployer.ensureDeployed();
  }

  @Test
  void aCuratorClaimsAndCompletesAReviewAndTheProcessContinues() throws Exception {
    UUID requestId = newRequest();
    long instance = startReview(requestId);
    JsonNode task = awaitTask(CURATOR, "curators", requestId, "Task_ReviewRequest");
    String id = task.get("id").asText();
    assertThat(task.get("name").asText()).isEqualTo("Review request");
    assertThat(task.get("processId").asText()).isEqualTo(PROCESS_ID);
    assertThat(task.get("formId").asText()).isEqualTo("curator-review-test");
    assertThat(task.get("candidateGroups").toString()).isEqualTo("[\"curators\"]");
    assertThat(task.get("assignee").isNull()).isTrue();
    assertThat(task.get("createdAt").asText()).isNotEmpty();

    mvc.perform(get("/api/v1/tasks/{id}", id).with(CURATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.task.requestId").value(requestId.toString()))
        .andExpect(jsonPath("$.form.id").value("curator-review-test"))
        .andExpect(jsonPath("$.form.components.length()").value(5))
        .andExpect(jsonPath("$.request.status").isNotEmpty())
        .andExpect(jsonPath("$.request.stage").isNotEmpty())
        .andExpect(jsonPath("$.request.riskLevel").value("NONE"))
        .andExpect(jsonPath("$.request.statedAge").value(34))
        .andExpect(jsonPath("$.contactRequests.length()").value(1));

    mvc.perform(post("/api/v1/tasks/{id}/complete", id).with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(values("accept")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/v1/tasks/{id}/claim", id).with(CURATOR)).andExpect(status().isNoContent());
    mvc.perform(post("/api/v1/tasks/{id}/claim", id).with(ADMIN)).andExpect(status().isConflict());
    mvc.perform(get("/api/v1/tasks").param("assignee", "curator").with(CURATOR))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].assignee").value("curator"));

    String marker = "NOTE-" + UUID.randomUUID();
    mvc.perform(
            post("/api/v1/tasks/{id}/complete", id)
                .with(CURATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"variables":{"decision":"accept","confidence":4,"repeatContact":false,"note":"%s"}}
                    """
                        .formatted(marker)))
        .andExpect(status().isNoContent());

    assertThat(openTasks(CURATOR, "curators")).noneMatch(open -> open.get("id").asText().equals(id));
    JsonNode followUp = awaitTask(SUPERVISOR, "supervisors", requestId, "Task_FollowUp");
    assertThat(followUp.get("processId").asText()).isEqualTo(PROCESS_ID);
    assertThat(openTasks(CURATOR, null)).noneMatch(open -> open.get("id").equals(followUp.get("id")));
    assertThat(audit.findByTaskIdOrderByAtAscIdAsc(id))
        .extracting(TaskAuditEntry::getAction, TaskAuditEntry::getActor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TaskAction.CLAIMED, "curator"),
            org.assertj.core.groups.Tuple.tuple(TaskAction.COMPLETED, "curator"));
    assertThat(audit.findByTaskIdOrderByAtAscIdAsc(id).get(1).getDetail())
        .contains("\"decision\":\"accept\"")
        .doesNotContain(marker);
    assertThat(notes.findByTaskId(id)).singleElement().satisfies(note -> {
      assertThat(note.getContent()).isEqualTo(marker);
      assertThat(note.getRequestId()).isEqualTo(requestId);
    });
    assertThat(engineRecordsContaining(marker)).isEmpty();
    assertThat(engineRecordsContaining("\"confidence\"")).isNotEmpty();
    client.newCancelInstanceCommand(instance).send().join();
  }

  @Test
  void invalidFormValuesAreRefusedAndTheTaskStaysOpen() throws Exception {
    UUID requestId = newRequest();
    startReview(requestId);
    String id = awaitTask(CURATOR, "curators", requestId, "Task_ReviewRequest").get("id").asText();
    mvc.perform(post("/api/v1/tasks/{id}/claim", id).with(CURATOR)).andExpect(status().isNoContent());

    mvc.perform(
            post("/api/v1/tasks/{id}/complete", id)
                .with(CURATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"variables\":{\"decision\":\"maybe\",\"confidence\":9,\"riskLevel\":\"NONE\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors.length()").value(3))
        .andExpect(jsonPath("$.errors[?(@.field == 'decision')].message").value("must be one of the offered values"))
        .andExpect(jsonPath("$.errors[?(@.field == 'confidence')].message").value("must be at most 5"))
        .andExpect(jsonPath("$.errors[?(@.field == 'riskLevel')].message").value("is not a field of this form"));
    mvc.perform(post("/api/v1/tasks/{id}/complete", id).with(CURATOR).contentType(MediaType.APPLICATION_JSON).content("{\"variables\":{}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("decision"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));

    mvc.perform(get("/api/v1/tasks/{id}", id).with(CURATOR)).andExpect(status().isOk());
    assertThat(openTasks(CURATOR, "curators")).anyMatch(open -> open.get("id").asText().equals(id));
    assertThat(audit.findByTaskIdOrderByAtAscIdAsc(id)).extracting(TaskAuditEntry::getAction).containsExactly(TaskAction.CLAIMED);

    mvc.perform(post("/api/v1/tasks/{id}/unclaim", id).with(CURATOR)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/tasks/{id}", id).with(CURATOR)).andExpect(jsonPath("$.task.assignee").doesNotExist());
  }

  @Test
  void peopleOfOtherRolesAreRefused() throws Exception {
    UUID requestId = newRequest();
    startReview(requestId);
    String id = awaitTask(CURATOR, "curators", requestId, "Task_ReviewRequest").get("id").asText();

    mvc.perform(get("/api/v1/tasks").param("candidateGroup", "curators").with(SPECIALIST))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/tasks/{id}", id).with(SPECIALIST)).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/tasks/{id}/claim", id).with(SUPERVISOR))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/v1/tasks/{id}/complete", id).with(SUPERVISOR).contentType(MediaType.APPLICATION_JSON).content(values("accept")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/tasks").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/tasks")).andExpect(status().isUnauthorized());
    assertThat(openTasks(SPECIALIST, null)).noneMatch(open -> open.get("id").asText().equals(id));
    assertThat(openTasks(SUPERVISOR, null)).noneMatch(open -> open.get("id").asText().equals(id));
    assertThat(openTasks(ADMIN, "curators")).anyMatch(open -> open.get("id").asText().equals(id));
    mvc.perform(get("/api/v1/tasks/{id}", "no-such-task").with(CURATOR))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aTaskTheProcessEndsLeavesTheInbox() throws Exception {
    UUID requestId = newRequest();
    startReview(requestId);
    String id = awaitTask(CURATOR, "curators", requestId, "Task_ReviewRequest").get("id").asText();

    client.newPublishMessageCommand().messageName("TestReviewWithdrawn").correlationKey(requestId.toString()).send().join();
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> openTasks(CURATOR, "curators"), open -> open.stream().noneMatch(task -> task.get("id").asText().equals(id)));

    assertThat(inboxRows.findById(Long.parseLong(id))).get().extracting(InboxTask::getState).isEqualTo(InboxTask.State.GONE);
    mvc.perform(post("/api/v1/tasks/{id}/claim", id).with(CURATOR)).andExpect(status().isNotFound());
  }

  /** Another client of the engine's gateway (the task id is the job key) completes the job: the inbox drops the task. */
  @Test
  void aTaskWhoseJobAnotherClientCompletesLeavesTheInbox() throws Exception {
    UUID requestId = newRequest();
    long instance = startReview(requestId);
    String id = awaitTask(CURATOR, "curators", requestId, "Task_ReviewRequest").get("id").asText();

    Logger backendLog = (Logger) LoggerFactory.getLogger(EmbeddedTaskBackend.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    backendLog.addAppender(logged);
    try {
      try (ZeebeClient outsider = engine.createClient()) {
        outsider.newCompleteCommand(Long.parseLong(id)).variables(Map.of("decision", "reject")).send().join();
      }

      assertThat(openTasks(CURATOR, "curators")).noneMatch(open -> open.get("id").asText().equals(id));
      assertThat(openTasks(ADMIN, null)).noneMatch(open -> open.get("requestId").asText().equals(requestId.toString()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(List.copyOf(logged.list))
                      .filteredOn(event -> event.getLevel() == Level.WARN)
                      .anySatisfy(
                          warning ->
                              assertThat(warning.getFormattedMessage())
                                  .contains("Task " + id + " was COMPLETED by another client of the engine's gateway")));
    } finally {
      backendLog.detachAppender(logged);
    }
    assertThat(inboxRows.findById(Long.parseLong(id))).get().extracting(InboxTask::getState).isEqualTo(InboxTask.State.GONE);
    mvc.perform(get("/api/v1/tasks/{id}", id).with(CURATOR)).andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/tasks/{id}/claim", id).with(CURATOR)).andExpect(status().isNotFound());
    assertThat(engineRecordsContaining("\"processInstanceKey\":" + instance))
        .anyMatch(record -> record.contains("\"elementId\":\"EndEvent_Rejected\"") && record.contains("ELEMENT_COMPLETED"));
  }

  /**
   * The help-request model's confirmation task, started directly at two risk levels: the later HIGH one comes first
   * in the inbox, each with the priority and due date the model derives from the risk level, and the task carries the
   * specialists its form offers; a value from outside that list is refused.
   */
  @Test
  void theHighRiskTaskComesFirstWithItsDueDateAndTheFormShowsTheTasksOwnOptions() throws Exception {
    UUID low = UUID.randomUUID();
    UUID high = UUID.randomUUID();
    String ivan = UUID.randomUUID().toString();
    List<Long> instances = new ArrayList<>();
    try {
      instances.add(startConfirmation(low, "LOW", ivan));
      JsonNode lowTask = awaitTask(CURATOR, "curators", low, HelpRequestProcess.Elements.TASK_CONFIRM_ASSIGNMENT);
      instances.add(startConfirmation(high, "HIGH", ivan));
      JsonNode highTask = awaitTask(CURATOR, "curators", high, HelpRequestProcess.Elements.TASK_CONFIRM_ASSIGNMENT);

      assertThat(highTask.get("priority").asInt()).isEqualTo(90);
      assertThat(lowTask.get("priority").asInt()).isEqualTo(50);
      assertThat(Duration.between(Instant.now(), Instant.parse(highTask.get("dueDate").asText())))
          .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
      assertThat(Duration.between(Instant.now(), Instant.parse(lowTask.get("dueDate").asText())))
          .isBetween(Duration.ofMinutes(239), Duration.ofMinutes(240));
      List<JsonNode> inbox = openTasks(CURATOR, "curators");
      List<String> order = inbox.stream().map(task -> task.get("id").asText()).toList();
      assertThat(order.indexOf(highTask.get("id").asText()))
          .as("HIGH first although created later")
          .isLessThan(order.indexOf(lowTask.get("id").asText()));
      assertThat(inbox.stream().map(task -> task.get("priority").asInt()).toList())
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());

      String id = highTask.get("id").asText();
      mvc.perform(get("/api/v1/tasks/{id}", id).with(CURATOR))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.formVariables.specialistOptions[0].value").value(ivan))
          .andExpect(jsonPath("$.formVariables.proposedSpecialistLabel").value("Olena (1 of 4 cases, on shift now)"))
          .andExpect(jsonPath("$.formVariables.riskLevel").doesNotExist());
      mvc.perform(post("/api/v1/tasks/{id}/claim", id).with(CURATOR)).andExpect(status().isNoContent());
      mvc.perform(
              post("/api/v1/tasks/{id}/complete", id)
                  .with(CURATOR)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"variables":{"confirmationDecision":"choose","chosenSpecialistId":"%s"}}
                      """
                          .formatted(UUID.randomUUID())))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("chosenSpecialistId"));
      mvc.perform(
              post("/api/v1/tasks/{id}/complete", id)
                  .with(CURATOR)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"variables\":{\"confirmationDecision\":\"choose\"}}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("chosenSpecialistId"))
          .andExpect(jsonPath("$.errors[0].message").value("is required"));
    } finally {
      instances.forEach(key -> client.newCancelInstanceCommand(key).send().join());
    }
  }

  private long startConfirmation(UUID requestId, String riskLevel, String alternative) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(HelpRequestProcess.PROCESS_ID)
        .latestVersion()
        .variables(
            Map.of(
                HelpRequestProcess.Variables.REQUEST_ID, requestId.toString(),
                HelpRequestProcess.Variables.RISK_LEVEL, riskLevel,
                HelpRequestProcess.Variables.PROPOSED_SPECIALIST_ID, UUID.randomUUID().toString(),
                HelpRequestProcess.Variables.PROPOSED_SPECIALIST_LABEL, "Olena (1 of 4 cases, on shift now)",
                HelpRequestProcess.Variables.SPECIALIST_OPTIONS,
                List.of(Map.of("label", "Ivan (0 of 3 cases, on shift now)", "value", alternative))))
        .startBeforeElement(HelpRequestProcess.Elements.TASK_CONFIRM_ASSIGNMENT)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Test
  void openTasksOfAnEarlierEngineRunAreMarkedStale() {
    InboxTask earlier =
        new InboxTask(
            -System.nanoTime(), "embedded-earlier-run", PROCESS_ID, "Task_ReviewRequest", "Review request", 1L,
            UUID.randomUUID(), List.of("curators"), null, "curator-review-test", 50, null, null, Instant.now());
    inboxRows.save(earlier);

    inbox.markTasksOfEarlierRunsStale();

    assertThat(inboxRows.findById(earlier.getJobKey())).get().extracting(InboxTask::getState).isEqualTo(InboxTask.State.STALE);
  }

  private UUID newRequest() throws Exception {
    JsonNode created =
        api.createRequest(
            """
            {"channel":"telegram","channelUserId":"user-%s","age":34,"language":"en"}
            """
                .formatted(UUID.randomUUID()));
    return UUID.fromString(created.get("id").asText());
  }

  private long startReview(UUID requestId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(Map.of("requestId", requestId.toString()))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  JsonNode awaitTask(RequestPostProcessor user, String group, UUID requestId, String elementId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                StreamSupport.stream(openTasks(user, group).spliterator(), false)
                    .filter(task -> task.get("requestId").asText().equals(requestId.toString()))
                    .filter(task -> task.get("elementId").asText().equals(elementId))
                    .findFirst()
                    .orElse(null),
            task -> task != null);
  }

  private List<JsonNode> openTasks(RequestPostProcessor user, String group) throws Exception {
    var request = get("/api/v1/tasks").with(user);
    if (group != null) {
      request.param("candidateGroup", group);
    }
    String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return StreamSupport.stream(json.readTree(body).spliterator(), false).toList();
  }

  private List<String> engineRecordsContaining(String text) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .map(Record::toJson)
        .filter(record -> record.contains(text))
        .toList();
  }

  private static String values(String decision) {
    return "{\"variables\":{\"decision\":\"" + decision + "\"}}";
  }
}
