package org.lifeline.orchestrator.curator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * The curator console in a real browser: Debian's headless Chromium, driven by Selenium through
 * the system chromedriver, against the platform on a random port (its own Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleBrowserTest {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @LocalServerPort int port;
  @Autowired ProcessModelDeployer deployer;
  @Autowired CamundaClient client;
  @Autowired TaskBackend backend;
  @Autowired ObjectMapper json;

  Path profile;
  WebDriver browser;

  @BeforeEach
  void startBrowser() throws IOException {
    assertThat(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute())
        .as("Debian's Chromium and chromedriver are needed: apt-get install chromium chromium-driver (.ci/run does)")
        .isTrue();
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    FileSystemUtils.deleteRecursively(profile);
  }

  @Test
  void aCuratorCompletesATaskThroughTheRenderedForm() throws Exception {
    String taskId = openReviewTask();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    browser.get(url("/console"));
    wait.until(ExpectedConditions.urlContains("/console/login"));
    browser.findElement(By.id("username")).sendKeys("curator");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();

    wait.until(ExpectedConditions.urlContains("/console/tasks"));
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
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                backend.openTasks(new TaskQuery("curators", null)).stream()
                    .filter(task -> requestId.equals(task.requestId()))
                    .map(CuratorTask::id)
                    .findFirst()
                    .orElse(null),
            id -> id != null);
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
