package org.lifeline.orchestrator.curator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.HeadlessChromium;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console in a real browser, for a curator and for a specialist: Debian's headless Chromium, driven by Selenium through
 * the system chromedriver, against the platform on a random port (its own Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessModelDeployer deployer;
  @Autowired CamundaClient client;
  @Autowired TaskBackend backend;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired CuratorTasks tasks;

  static final String CURATOR_BASIC = Base64.getEncoder().encodeToString("curator:demo".getBytes(StandardCharsets.UTF_8));

  @AutoClose final HeadlessChromium chromium = HeadlessChromium.open();
  final WebDriver browser = chromium.driver();

  @Test
  void aCuratorCompletesATaskThroughTheRenderedForm() throws Exception {
    String taskId = openReviewTask();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    signIn("curator");
    browser.findElement(By.cssSelector("tr[data-task-id='" + taskId + "'] a")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-task")));
    assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("Stated age", "27", "Risk level", "NONE");
    assertThat(browser.findElement(By.id("history-heading")).getText()).contains("(1)");
    browser.findElement(By.id("claim-task")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#task-form .fjs-form")));
    browser.findElement(By.xpath("//div[@id='task-form']//label[normalize-space(.)='Accept']")).click();
    browser.findElement(By.cssSelector("#task-form textarea")).sendKeys("Seen twice with different ages");
    browser.findElement(By.id("complete-task")).click();

    wait.until(ExpectedConditions.urlContains("completed=" + taskId));
    assertThat(browser.findElements(By.cssSelector("tr[data-task-id='" + taskId + "']"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Task completed");
    assertThat(backend.find(taskId)).isEmpty();
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .as("the console's pages and the vendored form-js run under its content security policy")
        .noneMatch(entry -> entry.getMessage().contains("Content Security Policy"));
  }

  /**
   * A specialist's working day in the browser: the case offered to them shows what the person wrote and answered;
   * they accept it, find it under My cases, read, reply with a canned response they edit, see the person's answer
   * arrive without a reload, record a session and close the case. The only address typed is the console's.
   */
  @Test
  void aSpecialistWorksACaseFromTheOfferToTheClosure() throws Exception {
    String specialistId = registerSpecialist();
    String firstWords = "I cannot stop worrying about my family " + UUID.randomUUID().toString().substring(0, 8);
    UUID requestId = requestAnsweredUpTo(firstWords);
    awaitStatus(requestId, "ASSIGNED");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    signIn("specialist");
    String offer = taskOf(requestId);
    browser.findElement(By.cssSelector("tr[data-task-id='" + offer + "'] a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation")));
    assertThat(browser.findElement(By.id("conversation")).getText()).contains(firstWords);
    assertThat(browser.findElement(By.cssSelector("dl.answers")).getText()).contains("Loss of home, having to move", "English");
    // Offered to this specialist by name: the task is theirs without claiming it.
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#task-form .fjs-form")));
    assertThat(browser.findElement(By.id("task-form")).getText()).contains("My cases").doesNotContain("/api/");
    browser.findElement(By.xpath("//div[@id='task-form']//label[normalize-space(.)='Accept the case']")).click();
    browser.findElement(By.id("complete-task")).click();
    wait.until(ExpectedConditions.urlContains("completed=" + offer));
    awaitStatus(requestId, "IN_PROGRESS");

    browser.findElement(By.id("nav-cases")).click();
    wait.until(ExpectedConditions.urlContains("/console/cases"));
    By row = By.cssSelector("tr[data-request-id='" + requestId + "']");
    browser.findElement(row).findElement(By.cssSelector("a.case-link")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-form")));
    assertThat(browser.findElement(By.cssSelector("#conversation .msg-person")).getText()).contains(firstWords);

    // The answers in another language: choosing it reloads the page with the answers in Ukrainian.
    WebElement englishAnswers = browser.findElement(By.cssSelector("dl.answers"));
    new Select(browser.findElement(By.id("answers-language"))).selectByValue("uk");
    wait.until(ExpectedConditions.stalenessOf(englishAnswers));
    wait.until(ExpectedConditions.urlContains("language=uk"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.answers"), "Втрата дому, вимушений переїзд"));
    assertThat(new Select(browser.findElement(By.id("answers-language"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("uk");

    new Select(browser.findElement(By.id("canned-response"))).selectByVisibleText("first-contact: Introduction");
    browser.findElement(By.id("insert-canned")).click();
    WebElement box = browser.findElement(By.id("reply-text"));
    String inserted = box.getAttribute("value");
    assertThat(inserted).startsWith("Hello, my name is [name]");
    box.clear();
    box.sendKeys(inserted.replace("[name]", "Sam") + " Shall we talk tomorrow evening?");
    browser.findElement(By.id("send-reply")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "on its way"));
    assertThat(browser.findElement(By.cssSelector("#conversation .msg-staff")).getText())
        .contains("You", "Hello, my name is Sam", "Shall we talk tomorrow evening?");

    personWrites(requestId, "Yes, tomorrow evening is good");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Yes, tomorrow evening is good"));

    browser.findElement(By.linkText("← My cases")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    personWrites(requestId, "Thank you for writing");
    wait.until(driver -> "1".equals(driver.findElement(row).findElement(By.cssSelector(".unread")).getText()));
    browser.findElement(row).findElement(By.cssSelector("a.case-link")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-form")));
    assertThat(browser.findElement(By.id("conversation")).getText()).contains("Thank you for writing");

    WebElement duration = browser.findElement(By.id("session-duration"));
    duration.clear();
    duration.sendKeys("45");
    browser.findElement(By.id("session-note")).sendKeys("Talked about sleep and the family");
    browser.findElement(By.id("record-session")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "session is recorded"));

    browser.findElement(By.id("outcome-helped")).click();
    browser.findElement(By.id("close-case")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "The case is closed"));
    assertThat(browser.findElements(row)).isEmpty();
    awaitStatus(requestId, "FEEDBACK");
    assertThat(jdbc.queryForObject("select duration_min from care_session where request_id = ?", Integer.class, requestId)).isEqualTo(45);
    assertThat(jdbc.queryForObject(
            "select count(*) from conversation_message where request_id = ? and kind = 'REPLY' and author = 'specialist'", Integer.class, requestId))
        .isEqualTo(1);
    assertNoContentSecurityPolicyViolations();
    http("POST", "/api/v1/specialists/" + specialistId + "/pause", null, CURATOR_BASIC);
  }

  /**
   * A curator with nothing in their inbox is pointed to the board; from the navigation they open it and find a
   * request waiting for a specialist, HIGH risk first, in its stage and in the waiting queue; the board refreshes
   * by itself and shows a request that arrived after it was opened.
   */
  @Test
  void aCuratorOpensTheBoardAndSeesAWaitingRequestWithItsRiskBadge() throws Exception {
    UUID waiting = requestWaitingForASpecialist();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    signIn("curator");

    assertThat(browser.findElement(By.id("board-summary")).getText()).contains("for a specialist", "Open the board");
    browser.findElement(By.id("nav-board")).click();
    wait.until(ExpectedConditions.urlContains("/console/board"));
    WebElement row = browser.findElement(By.cssSelector("#stage-assignment tr[data-request-id='" + waiting + "']"));
    assertThat(row.findElement(By.cssSelector(".risk-badge")).getText()).isEqualTo("HIGH");
    assertThat(row.findElement(By.cssSelector(".risk-badge")).getAttribute("class")).contains("risk-HIGH");
    assertThat(row.getText()).contains("AWAITING_ASSIGNMENT");
    assertThat(browser.findElement(By.cssSelector("#stage-assignment tbody tr .risk-badge")).getText())
        .as("the highest risk comes first")
        .isEqualTo("HIGH");
    assertThat(browser.findElement(By.cssSelector("#queue tr[data-request-id='" + waiting + "'] .risk-badge")).getText())
        .isEqualTo("HIGH");

    UUID later = requestWaitingForASpecialist();
    new WebDriverWait(browser, Duration.ofSeconds(40))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stage-assignment tr[data-request-id='" + later + "']")));
    assertThat(browser.findElement(By.cssSelector("#queue tr[data-request-id='" + later + "'] .risk-badge")).getText())
        .isEqualTo("HIGH");

    browser.findElement(By.cssSelector("#stage-assignment tr[data-request-id='" + waiting + "'] a.request-link")).click();
    wait.until(ExpectedConditions.urlContains("/console/board/requests/" + waiting));
    assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("AWAITING_ASSIGNMENT", "HIGH");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("my flat was shelled");
    assertNoContentSecurityPolicyViolations();
  }

  /**
   * Manual assignment in the browser: the curator confirming a proposal picks one of the next best specialists from
   * the form's list instead; after that specialist accepted, the curator moves the case to the other one from the
   * request's page on the board.
   */
  @Test
  void aCuratorChoosesTheSpecialistAndLaterReassignsTheCase() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String rita = registerSpecialist("Rita Senior", "rita-" + suffix, "ru", "SENIOR");
    String oleg = registerSpecialist("Oleg Senior", "oleg-" + suffix, "ru", "SENIOR");
    try {
      UUID requestId = requestAnswered(70, "ru", "sometimes", "no", "my flat was shelled " + suffix);
      String confirmation = taskOf(requestId, "curators", HelpRequestProcess.Elements.TASK_CONFIRM_ASSIGNMENT);
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
      signIn("curator");

      browser.findElement(By.cssSelector("tr[data-task-id='" + confirmation + "'] a")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-task"))).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#task-form .fjs-form")));
      String proposal = browser.findElement(By.id("task-form")).getText();
      assertThat(proposal).contains("Proposed specialist:").containsAnyOf("Rita Senior (0 of 2 cases", "Oleg Senior (0 of 2 cases");
      String proposedName = proposal.contains("Proposed specialist: Rita Senior") ? "Rita Senior" : "Oleg Senior";
      String otherName = proposedName.equals("Rita Senior") ? "Oleg Senior" : "Rita Senior";
      browser.findElement(By.xpath("//div[@id='task-form']//label[normalize-space(.)='Assign another specialist from the list']")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#task-form .fjs-select-display"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(
              By.xpath("//div[@id='task-form']//div[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.),'" + otherName + "')]")))
          .click();
      browser.findElement(By.id("complete-task")).click();
      wait.until(ExpectedConditions.urlContains("completed=" + confirmation));

      String chosen = otherName.equals("Rita Senior") ? rita : oleg;
      String other = chosen.equals(rita) ? oleg : rita;
      awaitStatus(requestId, "ASSIGNED");
      assertThat(holderOf(requestId)).as("the chosen specialist holds the case, not the proposed one").isEqualTo(chosen);
      new TaskInbox(tasks)
          .complete(
              requestId,
              HelpRequestProcess.Elements.TASK_RESPOND_TO_ASSIGNMENT,
              usernameOf(chosen),
              Roles.SPECIALIST,
              Map.of(HelpRequestProcess.Variables.ASSIGNMENT_RESPONSE, "accept"));
      awaitStatus(requestId, "IN_PROGRESS");

      browser.findElement(By.id("nav-board")).click();
      wait.until(ExpectedConditions.urlContains("/console/board"));
      browser.findElement(By.cssSelector("#stage-care tr[data-request-id='" + requestId + "'] a.request-link")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reassign-form")));
      assertThat(browser.findElement(By.id("request-specialist")).getText()).isEqualTo(otherName);
      new Select(browser.findElement(By.id("reassign-to"))).selectByValue(other);
      browser.findElement(By.id("reassign")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "asked to accept"));
      assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains(otherName, proposedName);

      awaitStatus(requestId, "ASSIGNED");
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> other.equals(holderOf(requestId)));
      browser.navigate().refresh();
      assertThat(browser.findElement(By.id("request-specialist")).getText()).isEqualTo(proposedName);
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("REASSIGNED");
      assertNoContentSecurityPolicyViolations();
    } finally {
      http("POST", "/api/v1/specialists/" + rita + "/pause", null, CURATOR_BASIC);
      http("POST", "/api/v1/specialists/" + oleg + "/pause", null, CURATOR_BASIC);
    }
  }

  private void signIn(String username) {
    chromium.signIn(url("/console"), username, "demo");
  }

  private void assertNoContentSecurityPolicyViolations() {
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .as("the console's pages and scripts run under its content security policy")
        .noneMatch(entry -> entry.getMessage().contains("Content Security Policy"));
  }

  /** A HIGH-risk request in Ukrainian that no specialist of this platform speaks: it waits in the queue. */
  private UUID requestWaitingForASpecialist() throws Exception {
    UUID requestId = requestAnswered(30, "uk", "often", "no", "my flat was shelled");
    awaitStatus(requestId, "AWAITING_ASSIGNMENT");
    return requestId;
  }

  private UUID requestAnswered(int age, String language, String safetyThoughts, String safetyImmediate, String firstWords)
      throws Exception {
    String created =
        http(
            "POST",
            "/api/v1/requests",
            json.writeValueAsString(
                Map.of("channel", "web", "channelUserId", "browser-" + UUID.randomUUID(), "age", age, "language", language,
                    "message", firstWords)),
            null);
    UUID requestId = UUID.fromString(json.readTree(created).get("id").asText());
    awaitStatus(requestId, "QUESTIONNAIRE");
    for (String[] answer : new String[][] {
      {"topic", "displacement"}, {"topicDetails", ""}, {"safetyThoughts", safetyThoughts}, {"safetyImmediate", safetyImmediate},
      {"language", language}, {"contactTime", "evening"}
    }) {
      http(
          "POST",
          "/api/v1/requests/" + requestId + "/questionnaire/answers",
          json.writeValueAsString(Map.of("questionId", answer[0], "answer", answer[1])),
          null);
    }
    return requestId;
  }

  private String registerSpecialist(String name, String username, String language, String ageGroup) throws Exception {
    String body =
        json.writeValueAsString(
            Map.of(
                "name", name,
                "username", username,
                "languages", List.of(language),
                "topics", List.of("displacement"),
                "ageGroups", List.of(ageGroup),
                "timeZone", "Europe/Kyiv",
                "maxCases", 2,
                "shifts", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"))));
    return json.readTree(http("POST", "/api/v1/specialists", body, CURATOR_BASIC)).get("id").asText();
  }

  private String holderOf(UUID requestId) {
    return jdbc.query(
            "select specialist_id from specialist_assignment where request_id = ? and status = 'ACTIVE'",
            (row, number) -> row.getObject(1, UUID.class).toString(),
            requestId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private String usernameOf(String specialistId) {
    return jdbc.queryForObject("select username from specialist where id = ?", String.class, UUID.fromString(specialistId));
  }

  /** The id of the request's open task for that candidate group (of that element, when given), once the inbox has it. */
  private String taskOf(UUID requestId, String group, String elementId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                backend.openTasks(new TaskQuery(group, null)).stream()
                    .filter(task -> requestId.equals(task.requestId()))
                    .filter(task -> elementId == null || elementId.equals(task.elementId()))
                    .map(CuratorTask::id)
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }

  private String registerSpecialist() throws Exception {
    String body =
        """
        {"name":"Sam Specialist","username":"specialist","languages":["en"],"topics":["displacement"],"ageGroups":["ADULT"],
         "timeZone":"Europe/Kyiv","maxCases":3,"shifts":[{"day":"MONDAY","start":"09:00","end":"17:00"}]}
        """;
    return json.readTree(http("POST", "/api/v1/specialists", body, CURATOR_BASIC)).get("id").asText();
  }

  /** A person's request through an integrator: first words, then the whole questionnaire. */
  private UUID requestAnsweredUpTo(String firstWords) throws Exception {
    String created =
        http(
            "POST",
            "/api/v1/requests",
            json.writeValueAsString(
                Map.of("channel", "web", "channelUserId", "browser-" + UUID.randomUUID(), "age", 35, "language", "en", "message", firstWords)),
            null);
    UUID requestId = UUID.fromString(json.readTree(created).get("id").asText());
    awaitStatus(requestId, "QUESTIONNAIRE");
    for (String[] answer : new String[][] {
      {"topic", "displacement"}, {"topicDetails", ""}, {"safetyThoughts", "no"}, {"safetyImmediate", "no"},
      {"language", "en"}, {"contactTime", "evening"}
    }) {
      http(
          "POST",
          "/api/v1/requests/" + requestId + "/questionnaire/answers",
          json.writeValueAsString(Map.of("questionId", answer[0], "answer", answer[1])),
          null);
    }
    return requestId;
  }

  private void personWrites(UUID requestId, String text) throws Exception {
    http("POST", "/api/v1/requests/" + requestId + "/messages", json.writeValueAsString(Map.of("text", text)), null);
  }

  private void awaitStatus(UUID requestId, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> json.readTree(http("GET", "/api/v1/requests/" + requestId, null, null)).get("status").asText().equals(status));
  }

  private String taskOf(UUID requestId) {
    return taskOf(requestId, "specialists", null);
  }

  /** Calls the API as an integrator (no basic credentials given) or with HTTP Basic; answers the body of a 2xx. */
  private String http(String method, String path, String body, String basic) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (basic == null) {
      request.header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY);
    } else {
      request.header("Authorization", "Basic " + basic);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
      return response.body();
    }
  }

  private String openReviewTask() throws Exception {
    deployer.ensureDeployed();
    UUID requestId = storeRequest();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(TaskApiTest.PROCESS_ID)
        .latestVersion()
        .variables(Map.of("requestId", requestId.toString()))
        .send()
        .join();
    return taskOf(requestId, "curators", null);
  }

  private UUID storeRequest() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(url("/api/v1/requests")))
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"channel\":\"web\",\"channelUserId\":\"browser-" + UUID.randomUUID() + "\",\"age\":27}"))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(201);
      return UUID.fromString(json.readTree(response.body()).get("id").asText());
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
