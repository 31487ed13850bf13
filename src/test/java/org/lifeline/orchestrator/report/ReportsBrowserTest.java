package org.lifeline.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A supervisor reads the reports in a real browser: through the console's navigation, charts and tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportsBrowserTest {

  @LocalServerPort int port;
  @Autowired ReportFacts facts;

  @AutoClose final HeadlessChromium chromium = HeadlessChromium.open();
  final WebDriver browser = chromium.driver();

  @Test
  void aSupervisorOpensTheReportsFromTheNavigationAndSeesTheFigures() throws Exception {
    takeInRequest("telegram");
    takeInRequest("web");
    facts.refresh(); // what the background refresh does every minute
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    // A common desktop screen (Full HD); the page also fits the 1280 x 1000 default window, with little to spare.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
    chromium.signIn(url("/console"), "supervisor", "demo");
    browser.findElement(By.id("nav-reports")).click();

    wait.until(ExpectedConditions.urlContains("/console/reports"));
    wait.until(ExpectedConditions.attributeToBe(By.id("chart-groups"), "data-chart-ready", "true"));
    assertThat(Long.parseLong(browser.findElement(By.id("figure-received")).getText())).isGreaterThanOrEqualTo(2);
    assertThat(browser.findElements(By.cssSelector("#chart-groups svg"))).isNotEmpty();
    for (String chart : List.of("chart-funnel", "chart-waits", "chart-topics")) {
      assertThat(browser.findElement(By.id(chart)).getAttribute("data-chart-ready")).isEqualTo("true");
    }
    WebElement intake = browser.findElement(By.cssSelector("#table-funnel tr[data-stage=intake]"));
    assertThat(Long.parseLong(intake.findElements(By.tagName("td")).get(0).getText())).isGreaterThanOrEqualTo(2);
    assertThat(browser.findElement(By.id("table-channel")).getText()).contains("telegram", "web");
    assertThat(browser.findElements(By.cssSelector("#table-groups tbody tr"))).hasSize(30);
    assertThat(browser.findElement(By.id("report-csv")).getAttribute("href")).contains("/console/reports/requests.csv?from=");
    assertFitsOnOneScreen("30 days by day");

    new Select(browser.findElement(By.id("report-group-by"))).selectByValue("month");
    browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();

    wait.until(ExpectedConditions.urlContains("groupBy=month"));
    wait.until(ExpectedConditions.attributeToBe(By.id("chart-groups"), "data-chart-ready", "true"));
    assertThat(browser.findElements(By.cssSelector("#table-groups tbody tr")).size()).isBetween(1, 2);
    assertFitsOnOneScreen("by month");

    browser.findElement(By.cssSelector("#how-computed summary")).click();
    assertThat(browser.findElement(By.id("how-computed")).getText()).contains("Help completed", "90th percentile");
  }

  /**
   * "Readable on one screen": in a 1920 x 1080 window, the whole page (bar, filters, key figures, every chart and
   * table, the collapsed explanation) fits the height the window leaves the page (its innerHeight, what a desktop
   * browser's bars leave of the window), up to a few pixels of rounding. The groups' table scrolls inside its panel instead of lengthening the page.
   */
  private void assertFitsOnOneScreen(String view) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    long width = ((Number) script.executeScript("return window.innerWidth")).longValue();
    long height = ((Number) script.executeScript("return window.innerHeight")).longValue();
    long page = ((Number) script.executeScript("return document.documentElement.scrollHeight")).longValue();
    assertThat(width).as("the window's width").isEqualTo(1920);
    String parts =
        (String)
            script.executeScript(
                "return Array.from(document.querySelectorAll('header.bar, .report-head, .intro, .key-figures, .panel, .stack, #how-computed'))"
                    + ".map(function (e) { return (e.id || e.className) + ' ' + Math.round(e.getBoundingClientRect().height); }).join(', ')");
    assertThat(page)
        .as("the page's height (%s) in a window of %d x %d; its parts: %s", view, width, height, parts)
        .isLessThanOrEqualTo(height + 4);
  }

  private void takeInRequest(String channel) throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(url("/api/v1/requests")))
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"channel\":\"" + channel + "\",\"channelUserId\":\"reports-" + UUID.randomUUID() + "\",\"age\":33}"))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
