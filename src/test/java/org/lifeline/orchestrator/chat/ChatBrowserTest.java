package org.lifeline.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.HeadlessChromium;
import org.lifeline.orchestrator.TaskInbox;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person reaches the line from a browser, without Telegram: the chat page in headless Chromium (Debian's), against
 * the platform on a random port. They state their age and answer the questionnaire by buttons, are assigned; the
 * specialist replies from the console in another tab, and the reply appears on the chat page without a reload; the
 * person answers and the specialist reads it on the case page; "leave quickly" leaves nothing of the chat in the
 * browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChatBrowserTest {

  private static final String PASSWORD = "sunflower river lantern";
  private static final String ADMIN = basic("admin", "demo");
  private static final String CURATOR = basic("curator", "demo");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired CuratorTasks tasks;
  @Autowired ZeebeTestEngine engine;

  private final HttpClient http = HttpClient.newHttpClient();
  @AutoClose final HeadlessChromium chromium = HeadlessChromium.open();
  final WebDriver browser = chromium.driver();

  @Test
  void aPersonChatsWithASpecialistFromTheBrowserAndLeavesQuickly() throws Exception {
    String username = "chat-" + UUID.randomUUID().toString().substring(0, 8);
    String specialistId = specialist(username, "Dana Chat");
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      browser.get(url("/chat?lang=en"));
      String chatTab = browser.getWindowHandle();
      assertThat(browser.findElement(By.id("crisis-lines")).getText()).isNotBlank();
      assertThat(browser.findElement(By.id("crisis")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.cssSelector("label[for=age]")).getText()).contains("age");
      browser.findElement(By.id("start-chat")).click();

      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-prompt"), "how old you are"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "thank you for reaching out"));
      say(wait, "40");
      answerTheQuestionsAfterTheAge(wait);

      UUID requestId = acceptedChat(username);

      browser.switchTo().newWindow(WindowType.TAB);
      String consoleTab = browser.getWindowHandle();
      chromium.signIn(url("/console/cases/" + requestId), username, PASSWORD);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-cases"))).click();
      By row = By.cssSelector("tr[data-request-id='" + requestId + "']");
      wait.until(ExpectedConditions.visibilityOfElementLocated(row));
      browser.findElement(row).findElement(By.cssSelector("a.case-link")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-form")));
      browser.findElement(By.id("reply-text")).sendKeys("Hello, I am Dana. I read your answers. How are you feeling tonight?");
      browser.findElement(By.id("send-reply")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "on its way"));

      browser.switchTo().window(chatTab);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "How are you feeling tonight?"));
      String staffMessage = browser.findElement(By.cssSelector("#messages .from-staff")).getText();
      assertThat(staffMessage).contains("Dana Chat").doesNotContain(username);
      assertThat(script("return performance.getEntriesByType('navigation').length")).as("one page load, no reload").isEqualTo(1L);
      assertThat(browser.findElement(By.id("chat")).getDomAttribute("data-streaming")).as("the event stream is open").isEqualTo("true");
      assertThat(externalResources()).as("nothing loaded from outside the platform").isEmpty();

      say(wait, "A bit better now that someone answered");
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> conversation(requestId, username).toString().contains("A bit better now that someone answered"));
      browser.switchTo().window(consoleTab);
      browser.navigate().refresh();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "A bit better now that someone answered"));
      browser.switchTo().window(chatTab);

      assertThat(browser.findElement(By.id("messages")).getText()).contains("How are you feeling tonight?");
      browser.findElement(By.id("leave")).click();
      wait.until(driver -> !driver.getCurrentUrl().startsWith(url("/chat")));
      browser.get(url("/chat"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-chat")));
      assertThat(script("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
      assertThat(browser.findElement(By.id("conversation")).isDisplayed()).isFalse();
      assertThat(browser.findElements(By.cssSelector("#messages li"))).isEmpty();
    } finally {
      send("POST", "/api/v1/specialists/" + specialistId + "/pause", null, CURATOR);
    }
  }

  /** Crisis numbers are always on the page; when the crisis resources arrive they are made prominent and focused. */
  @Test
  void theCrisisNumbersStandOutWhenTheCrisisResourcesArrive() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(url("/chat?lang=uk"));
    assertThat(browser.findElement(By.cssSelector("html")).getDomAttribute("lang")).isEqualTo("uk");
    assertThat(browser.findElement(By.id("start-chat")).getText()).isEqualTo("Почати чат");
    browser.findElement(By.id("age")).sendKeys("52");
    browser.findElement(By.id("start-chat")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("question-prompt")));
    assertThat(browser.findElement(By.id("crisis")).getDomAttribute("class")).doesNotContain("urgent");

    say(wait, "Я хочу вбити себе");

    wait.until(ExpectedConditions.attributeContains(By.id("crisis"), "class", "urgent"));
    assertThat(browser.findElement(By.cssSelector("#messages li[data-template='crisis-resources']")).getText())
        .contains(browser.findElement(By.id("crisis-lines")).getText());
    assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("crisis");
  }

  /**
   * Keyboard only: the age and Enter, an option reached with Tab and chosen with Enter, the focus then on what answers
   * the next question. A hostile but valid text shows as text. The chat stays through a reload, shows in a second tab
   * of the browser, and "leave quickly" in that tab clears both; the language link and leaving replaced the page in
   * the history, so Back does not return to the chat.
   */
  @Test
  void theChatFollowsThePersonAcrossTabsAndLeavingQuicklyClearsThemAll() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(url("/console/login"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.get(url("/chat?lang=ru"));
    browser.findElement(By.cssSelector("a.language[lang=en]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    String firstTab = browser.getWindowHandle();

    browser.findElement(By.id("age")).sendKeys("40", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-prompt"), "What would you like help with?"));
    List<WebElement> options = browser.findElements(By.cssSelector("#options button"));
    wait.until(driver -> options.get(0).equals(driver.switchTo().activeElement()));
    assertThat(browser.findElement(By.id("options")).getDomAttribute("aria-labelledby")).isEqualTo("question-prompt");
    assertThat(browser.findElement(By.id("question-prompt")).getDomAttribute("aria-live")).isEqualTo("polite");
    String second = options.get(1).getText();
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo(second);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-prompt"), "tell us a little more"));
    wait.until(driver -> "message".equals(driver.switchTo().activeElement().getDomAttribute("id")));
    assertThat(browser.findElements(By.cssSelector("#messages .from-person")).get(0).getText()).contains(second);

    String hostile = "<img src=x onerror=alert(1)> & <b>bold</b>";
    browser.switchTo().activeElement().sendKeys(hostile, Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-prompt"), "better off dead"));
    wait.until(driver -> driver.switchTo().activeElement().equals(driver.findElements(By.cssSelector("#options button")).get(0)));
    assertThat(browser.findElement(By.id("messages")).getText()).contains(hostile);
    assertThat(browser.findElements(By.cssSelector("#messages img, #messages b"))).as("shown as text, not markup").isEmpty();
    String token = (String) script("return sessionStorage.getItem('lifeline-chat');");
    assertThat(token).isNotBlank();

    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), hostile));
    assertThat(browser.findElement(By.id("start")).isDisplayed()).isFalse();

    browser.switchTo().newWindow(WindowType.TAB);
    String secondTab = browser.getWindowHandle();
    browser.get(url("/chat?lang=en"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), hostile));
    assertThat(script("return sessionStorage.getItem('lifeline-chat');")).as("the same conversation").isEqualTo(token);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-prompt"), "better off dead"));

    browser.findElement(By.id("leave")).click();
    wait.until(ExpectedConditions.urlContains("/actuator/health"));
    assertThat(script("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
    browser.switchTo().window(firstTab);
    wait.until(ExpectedConditions.urlContains("/actuator/health"));
    assertThat(script("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
    script("history.back();");
    wait.until(ExpectedConditions.urlContains("/console/login"));
    assertThat(browser.getCurrentUrl()).as("Back skips the chat").doesNotContain("/chat");
    browser.switchTo().window(secondTab);
    browser.get(url("/chat"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-chat")));
    assertThat(browser.findElement(By.id("conversation")).isDisplayed()).isFalse();
    assertThat(script("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
  }

  /**
   * Behind a proxy that sends the stream's headers and holds its events, the page keeps reading: the specialist's
   * reply arrives without a reload. On a phone-sized window the crisis numbers stay in view after the conversation has
   * grown past the screen. When the line asks for a rating that was already given (from another tab, say), the page
   * says the rating could not be taken instead of declaring the conversation over.
   */
  @Test
  void aStalledEventStreamStillBringsTheReplyAndTheCrisisNumbersStayInView() throws Exception {
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of(
                "source",
                """
                const realFetch = window.fetch;
                window.fetch = function (input, init) {
                  if (String(input).indexOf('/api/v1/chat/events') >= 0) {
                    // The headers arrive, the events never do.
                    return Promise.resolve(new Response(new ReadableStream({ start() {} }),
                        { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
                  }
                  return realFetch.apply(this, arguments);
                };
                """));
    String username = "chat-" + UUID.randomUUID().toString().substring(0, 8);
    String specialistId = specialist(username, "Sam Stall");
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      browser.get(url("/chat?lang=en"));
      browser.findElement(By.id("age")).sendKeys("40");
      browser.findElement(By.id("start-chat")).click();
      answerTheQuestionsAfterTheAge(wait);
      for (int i = 1; i <= 4; i++) {
        say(wait, "A longer message, number " + i + ", so that the conversation grows past the height of a phone's screen.");
      }

      assertThat((Long) script("return Math.round(window.scrollY);")).as("the page has scrolled").isPositive();
      assertThat(inViewport(By.id("crisis"))).as("the crisis numbers stay in view").isTrue();
      assertThat(inViewport(By.id("leave"))).as("so does leave quickly").isTrue();
      assertThat(browser.findElement(By.cssSelector("#crisis-lines a[href^='tel:']")).getText()).isNotBlank();

      UUID requestId = acceptedChat(username);
      send(
          "POST",
          "/api/v1/requests/" + requestId + "/replies",
          json.writeValueAsString(Map.of("text", "Sam here: I read everything you wrote.")),
          basic(username, PASSWORD));

      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Sam here: I read everything you wrote."));
      assertThat(browser.findElement(By.id("chat")).getDomAttribute("data-streaming")).as("no event ever came").isNotEqualTo("true");
      assertThat(script("return performance.getEntriesByType('navigation').length")).as("no reload").isEqualTo(1L);

      send("POST", "/api/v1/cases/" + requestId + "/closure", "{\"outcome\":\"helped\"}", basic(username, PASSWORD));
      awaitStatus(requestId, "FEEDBACK");
      engine.increaseTime(Duration.ofDays(1));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback")));
      // Rated from another tab with the same token, then a button here: the second rating is refused (409).
      ((JavascriptExecutor) browser)
          .executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + " fetch('/api/v1/chat/feedback', {method: 'POST', headers: {'Content-Type': 'application/json',"
                  + " Authorization: 'Bearer ' + sessionStorage.getItem('lifeline-chat')}, body: '{\"rating\":5}'})"
                  + ".then(response => { document.querySelector('#feedback .rating[data-rating=\"2\"]').click();"
                  + " done(response.status); });");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "This rating could not be taken"));
      assertThat(browser.findElement(By.id("messages")).getText()).doesNotContain("Thank you for your rating");
      assertThat(browser.findElement(By.id("feedback")).isDisplayed()).isFalse();
      assertThat(jdbc.queryForObject("select rating from feedback_request where request_id = ?", Integer.class, requestId))
          .as("the first rating stands")
          .isEqualTo(5);
    } finally {
      send("POST", "/api/v1/specialists/" + specialistId + "/pause", null, CURATOR);
    }
  }

  private boolean inViewport(By locator) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const box = arguments[0].getBoundingClientRect();"
                    + " return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;",
                browser.findElement(locator));
  }

  private void say(WebDriverWait wait, String text) {
    int before = browser.findElements(By.cssSelector("#messages .from-person")).size();
    browser.findElement(By.id("message")).sendKeys(text, Keys.ENTER);
    wait.until(driver -> driver.findElements(By.cssSelector("#messages .from-person")).size() > before);
  }

  /** Answers the questionnaire after the age, by its buttons, to its thanks: an adult case for an English speaker. */
  private void answerTheQuestionsAfterTheAge(WebDriverWait wait) {
    answer(wait, "What would you like help with?", "Shock after something terrible happened");
    answer(wait, "tell us a little more", "Skip");
    answer(wait, "better off dead", "No");
    answer(wait, "Right now, is there a risk", "No");
    answer(wait, "Which language", "English");
    answer(wait, "When is it best", "Evening");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Thank you for your answers"));
  }

  private void answer(WebDriverWait wait, String prompt, String option) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-prompt"), prompt));
    By button = By.xpath("//div[@id='options']/button[normalize-space(.)='" + option + "']");
    wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    wait.until(driver -> !driver.findElement(By.id("question-prompt")).getText().contains(prompt)
        || !driver.findElement(By.id("question")).isDisplayed());
  }

  private Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  @SuppressWarnings("unchecked")
  private List<String> externalResources() {
    List<String> loaded = (List<String>) script("return performance.getEntriesByType('resource').map(entry => entry.name);");
    return loaded.stream().filter(name -> !name.startsWith(url(""))).toList();
  }

  /** A specialist with a login of their own: invited by the administrator, registered by a curator. */
  private String specialist(String username, String name) throws Exception {
    JsonNode invited =
        json.readTree(
            send(
                "POST",
                "/api/v1/admin/staff",
                json.writeValueAsString(Map.of("username", username, "displayName", name, "roles", List.of(Roles.SPECIALIST))),
                ADMIN));
    String invitation = URI.create(invited.get("invitation").get("url").asText()).getPath();
    send(
        "POST",
        "/api/v1/staff/invitations/" + invitation.substring(invitation.lastIndexOf('/') + 1),
        json.writeValueAsString(Map.of("password", PASSWORD)),
        null);
    String body =
        json.writeValueAsString(
            Map.of(
                "name", name,
                "username", username,
                "languages", List.of("en"),
                "topics", List.of("trauma"),
                "ageGroups", List.of("ADULT"),
                "timeZone", "Europe/Kyiv",
                "maxCases", 1,
                "shifts", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"))));
    return json.readTree(send("POST", "/api/v1/specialists", body, CURATOR)).get("id").asText();
  }

  private JsonNode conversation(UUID requestId, String username) throws Exception {
    return json.readTree(send("GET", "/api/v1/requests/" + requestId + "/conversation", null, basic(username, PASSWORD)));
  }

  /** The request of this page's chat, once assigned to the specialist and accepted by them (as the offer page does). */
  private UUID acceptedChat(String username) {
    String token = (String) script("return sessionStorage.getItem('lifeline-chat');");
    assertThat(token).as("the page's chat token").isNotBlank();
    UUID requestId =
        jdbc.queryForObject("select request_id from chat_session where token_hash = ?", UUID.class, ChatSessions.hash(token));
    awaitStatus(requestId, "ASSIGNED");
    new TaskInbox(tasks).acceptCase(requestId, username);
    awaitStatus(requestId, "IN_PROGRESS");
    return requestId;
  }

  private void awaitStatus(UUID requestId, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> jdbc.queryForObject("select status from help_request where id = ?", String.class, requestId), status::equals);
  }

  private String send(String method, String path, String body, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    return response.body();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String basic(String username, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
