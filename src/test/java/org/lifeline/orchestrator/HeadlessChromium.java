package org.lifeline.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven by Selenium through the system chromedriver, with a throwaway profile: one per
 * test, as a field JUnit closes after it ({@code @AutoClose final HeadlessChromium chromium = HeadlessChromium.open();}).
 */
public final class HeadlessChromium implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final Path profile;
  private final WebDriver driver;

  private HeadlessChromium(Path profile, WebDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  public static HeadlessChromium open() {
    assertThat(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute())
        .as("Debian's Chromium and chromedriver are needed: apt-get install chromium chromium-driver (.ci/run does)")
        .isTrue();
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException noTemporaryFolder) {
      throw new UncheckedIOException(noTemporaryFolder);
    }
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
    // The page's console messages stay readable (driver().manage().logs()), so a test can assert a page ran cleanly.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    return new HeadlessChromium(profile, new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * Signs in on the console's login page, the one shown now or the one {@code page} leads to (the console, or a page
   * of it that asks for a sign-in first), and waits for the page after it.
   */
  public void signIn(String page, String username, String password) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get(page);
    wait.until(ExpectedConditions.urlContains("/console/login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    // "/console/" is in the login page's own address too: wait until it is left.
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login")));
  }

  @Override
  public void close() {
    driver.quit();
    FileSystemUtils.deleteRecursively(profile.toFile());
  }
}
