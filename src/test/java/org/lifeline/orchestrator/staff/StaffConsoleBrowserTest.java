package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Onboarding in a real browser (Debian's headless Chromium, the platform on a random port; the same Spring context
 * as the console's other browser tests): an administrator invites a person on the Staff page and copies the link
 * shown there; the person opens it, chooses a password and signs in; the administrator disables the account and the
 * person's next click ends at the login page. A team is onboarded from a file, and the on-duty rota set on its page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffConsoleBrowserTest {

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired OnDutyRota rota;

  @AutoClose final HeadlessChromium admin = HeadlessChromium.open();
  @AutoClose final HeadlessChromium invitee = HeadlessChromium.open();

  @Test
  void anAdministratorInvitesAPersonWhoSetsTheirPasswordAndSignsIn() {
    String username = "olena." + UUID.randomUUID().toString().substring(0, 6);
    WebDriver browser = admin.driver();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    admin.signIn(url("/console"), "admin", "demo");

    browser.findElement(By.id("nav-staff")).click();
    wait.until(ExpectedConditions.urlContains("/console/staff"));
    browser.findElement(By.id("invite-username")).sendKeys(username);
    browser.findElement(By.id("invite-name")).sendKeys("Olena Kovalenko");
    browser.findElement(By.id("invite-email")).sendKeys(username + "@lifeline.example.org");
    browser.findElement(By.id("invite-role-SPECIALIST")).click();
    browser.findElement(By.id("invite-submit")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invitation-url")));
    String link = browser.findElement(By.id("invitation-url")).getDomProperty("value");
    assertThat(link).startsWith("http://localhost:8080/console/invitation/");
    assertThat(browser.findElement(By.cssSelector("tr[data-username='" + username + "'] .status")).getText()).isEqualTo("invited");

    // The link names the configured public address; this test's platform listens on its own port.
    WebDriver person = invitee.driver();
    WebDriverWait personWait = new WebDriverWait(person, Duration.ofSeconds(15));
    person.get(url(URI.create(link).getPath()));
    personWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invitation-form")));
    assertThat(person.findElement(By.id("invited-username")).getText()).isEqualTo(username);
    person.findElement(By.id("password")).sendKeys("password1234");
    person.findElement(By.id("repeat-password")).sendKeys("password1234");
    person.findElement(By.id("invitation-submit")).click();
    personWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
    assertThat(person.findElement(By.cssSelector("[role=alert]")).getText()).contains("most common passwords");
    person.findElement(By.id("password")).sendKeys("sunflower river lantern");
    person.findElement(By.id("repeat-password")).sendKeys("sunflower river lantern");
    person.findElement(By.id("invitation-submit")).click();

    personWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-welcome")));
    assertThat(person.findElement(By.id("username")).getDomProperty("value")).isEqualTo(username);
    person.findElement(By.id("password")).sendKeys("sunflower river lantern");
    person.findElement(By.cssSelector("form button[type=submit]")).click();
    personWait.until(ExpectedConditions.urlContains("/console/tasks"));
    assertThat(person.findElement(By.cssSelector("header.bar form span")).getText()).isEqualTo(username);
    person.findElement(By.id("nav-cases")).click();
    personWait.until(ExpectedConditions.urlContains("/console/cases"));

    browser.navigate().refresh();
    browser.findElement(By.linkText(username)).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("member-disable"))).click();
    wait.until(ExpectedConditions.textToBe(By.id("member-status"), "disabled"));

    person.findElement(By.id("nav-tasks")).click();
    personWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-ended")));
    assertThat(accounts.get(username).status()).isEqualTo(StaffStatus.DISABLED);
  }

  /** A team in one file: the links of every new login are on the next page, to copy. */
  @Test
  void anAdministratorOnboardsATeamFromAFile() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 6);
    Path file = Files.createTempFile("volunteers", ".csv");
    Files.writeString(
        file,
        "name,username,email,languages,topics,age_groups,time_zone,max_cases,availability\n"
            + "Taras Melnyk,taras-" + batch + ",taras-" + batch + "@lifeline.example.org,zu,grief,ADULT,UTC,2,mon-fri 09:00-17:00\n"
            + "\"Bondar, Iryna\",iryna-" + batch + ",,zu,anxiety,ADULT,UTC,3,sat 10:00-14:00\n");
    WebDriver browser = admin.driver();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    try {
      admin.signIn(url("/console"), "admin", "demo");
      browser.findElement(By.id("nav-staff")).click();
      wait.until(ExpectedConditions.urlContains("/console/staff"));
      browser.findElement(By.id("import-file")).sendKeys(file.toString());
      browser.findElement(By.id("import-submit")).click();

      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("onboarding-outcome")));
      assertThat(browser.findElement(By.id("outcome-heading")).getText()).isEqualTo("2 specialist(s) imported, 2 login(s) invited");
      assertThat(browser.findElement(By.cssSelector("tr[data-username='iryna-" + batch + "'] .invitation-link")).getText())
          .startsWith("http://localhost:8080/console/invitation/");
      assertThat(accounts.get("taras-" + batch).status()).isEqualTo(StaffStatus.INVITED);
      assertThat(accounts.get("iryna-" + batch).displayName()).isEqualTo("Bondar, Iryna");
    } finally {
      jdbc.update("update specialist set active = false where username like ?", "%-" + batch);
      Files.deleteIfExists(file);
    }
  }

  /** The rota as data: an administrator names who is on duty and a weekend shift; the page says who is on duty now. */
  @Test
  void anAdministratorSetsTheOnDutyRota() {
    String lead = "lead." + UUID.randomUUID().toString().substring(0, 6);
    String invitation =
        accounts.invite(new StaffDraft(lead, "Night Lead", null, java.util.Set.of(StaffRole.SUPERVISOR)), "admin")
            .invitation().url().getPath();
    accounts.acceptInvitation(invitation.substring(invitation.lastIndexOf('/') + 1), "night lead lantern 42");
    String notYetActive = "pending." + UUID.randomUUID().toString().substring(0, 6);
    accounts.invite(new StaffDraft(notYetActive, "Not Yet", null, java.util.Set.of(StaffRole.SUPERVISOR)), "admin");
    WebDriver browser = admin.driver();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    try {
      admin.signIn(url("/console"), "admin", "demo");
      browser.findElement(By.id("nav-on-duty")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rota-form")));
      assertThat(new Select(browser.findElement(By.id("rota-primary"))).getOptions())
          .as("a supervisor who has not set a password yet cannot be on duty")
          .extracting(option -> option.getAttribute("value"))
          .contains(lead)
          .doesNotContain(notYetActive);
      new Select(browser.findElement(By.id("rota-primary"))).selectByValue(lead);
      new Select(browser.findElement(By.id("rota-backup"))).selectByValue("supervisor");
      browser.findElement(By.cssSelector("input[name='shifts[0].days'][value='SATURDAY']")).click();
      browser.findElement(By.cssSelector("input[name='shifts[0].days'][value='SUNDAY']")).click();
      setValue(browser, "input[name='shifts[0].from']", "09:00");
      setValue(browser, "input[name='shifts[0].to']", "18:00");
      new Select(browser.findElement(By.cssSelector("select[name='shifts[0].primary']"))).selectByValue("supervisor");
      browser.findElement(By.id("rota-save")).click();

      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=status]")));
      assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText()).contains("The rota is saved");
      assertThat(browser.findElement(By.id("rota-warnings")).getText())
          .as("this platform has neither e-mail nor Telegram: the page says so")
          .contains("No alert channel (e-mail, Telegram) is set up");
      OnDutyRota.RotaView saved = rota.view();
      assertThat(saved.primary()).isEqualTo(lead);
      assertThat(saved.schedule()).singleElement().satisfies(shift -> {
        assertThat(shift.days()).containsExactlyInAnyOrder(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        assertThat(shift.primary()).isEqualTo("supervisor");
      });
      assertThat(browser.findElement(By.id("current-primary")).getText()).isEqualTo(saved.current().primary());
      assertThat(browser.findElement(By.cssSelector("input[name='shifts[0].days'][value='SUNDAY']")).isSelected()).isTrue();
    } finally {
      rota.replace(new Rota("supervisor", "admin", java.util.List.of("supervisor", "admin"), null, null), "admin");
    }
  }

  private static void setValue(WebDriver browser, String selector, String value) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.cssSelector(selector)), value);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
