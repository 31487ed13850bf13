package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A staff account's life through the API and the console, on the shared platform: invited by an administrator, the
 * password set through the one-time link, logins on both sides at once, a role change and disabling taking effect on
 * the next call, their own password changed, and the lockout after wrong passwords (counted in the database) and its
 * end.
 */
@PlatformTest
class StaffAccountsApiTest {

  static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");
  static final String PASSWORD = "quiet harbour lamp 7";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void inviteSetPasswordLogInOnBothSidesThenDisableEndsEverything() throws Exception {
    String username = newUsername();
    JsonNode invited = invite(username, "Olena Kovalenko", "olena@example.org", List.of("SPECIALIST"));
    assertThat(invited.get("id").asText()).isNotBlank();
    assertThat(invited.get("username").asText()).isEqualTo(username);
    assertThat(invited.at("/invitation/url").asText()).startsWith("http://localhost:8080/console/invitation/");
    assertThat(Instant.parse(invited.at("/invitation/expiresAt").asText())).isAfter(Instant.now().plusSeconds(6 * 86400));
    assertThat(invited.get("status").asText()).isEqualTo("INVITED");
    String token = StaffTestCalls.tokenOf(invited);
    assertThat(jdbc.queryForObject("select count(*) from staff_account where invitation_hash = ?", Integer.class, token))
        .as("only the token's hash is stored")
        .isZero();

    // Before a password is set there is no login.
    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
    setPassword(token, "short").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
    setPassword(token, "password1234")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("most common")));
    setPassword(token, PASSWORD).andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username));
    setPassword(token, "another fine phrase 8").andExpect(status().isNotFound());

    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.roles[0]").value("SPECIALIST"));
    mvc.perform(get("/api/v1/cases").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());
    MockHttpSession console = signIn(username, PASSWORD);
    mvc.perform(get("/console/tasks").session(console)).andExpect(status().isOk());

    mvc.perform(post("/api/v1/admin/staff/{id}/disable", invited.get("id").asText()).with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DISABLED"));

    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
    mvc.perform(get("/console/tasks").session(console)).andExpect(redirectedUrl("/console/login?ended"));
    assertThat(console.isInvalid()).isTrue();
    mvc.perform(signInRequest(username, PASSWORD, "192.0.2.10")).andExpect(redirectedUrl("/console/login?error"));

    mvc.perform(post("/api/v1/admin/staff/{id}/enable", username).with(ADMIN)).andExpect(jsonPath("$.status").value("ACTIVE"));
    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());
  }

  @Test
  void aRoleChangeReachesTheOpenConsoleSessionAtItsNextPage() throws Exception {
    String username = newUsername();
    JsonNode invited = invite(username, "Roles Changed", null, List.of("SPECIALIST"));
    setPassword(StaffTestCalls.tokenOf(invited), PASSWORD).andExpect(status().isOk());
    MockHttpSession console = signIn(username, PASSWORD);
    mvc.perform(get("/console/feedback").session(console)).andExpect(status().isForbidden());

    mvc.perform(
            put("/api/v1/admin/staff/{id}", invited.get("id").asText())
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("displayName", "Roles Changed", "roles", List.of("CURATOR")))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0]").value("CURATOR"));

    mvc.perform(get("/console/feedback").session(console)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/cases").with(httpBasic(username, PASSWORD))).andExpect(status().isForbidden());
  }

  @Test
  void everyoneChangesTheirOwnPasswordProvingTheCurrentOne() throws Exception {
    String username = newUsername();
    setPassword(StaffTestCalls.tokenOf(invite(username, "Self Service", null, List.of("CURATOR"))), PASSWORD).andExpect(status().isOk());

    changePassword(username, PASSWORD, "not my password", "a brand new phrase 9")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
    changePassword(username, PASSWORD, PASSWORD, "qwertyuiop123")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
    changePassword(username, PASSWORD, PASSWORD, "a brand new phrase 9").andExpect(status().isNoContent());

    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, "a brand new phrase 9"))).andExpect(status().isOk());
    changePassword("curator", "demo", "demo", "a brand new phrase 9")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("lifeline.security.users")));
  }

  @Test
  void aForgottenPasswordGetsANewLinkAndTheOldLinkStops() throws Exception {
    String username = newUsername();
    JsonNode invited = invite(username, "Forgetful", null, List.of("CURATOR"));
    String first = StaffTestCalls.tokenOf(invited);

    JsonNode again =
        json.readTree(
            mvc.perform(post("/api/v1/admin/staff/{id}/invitation", username).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

    setPassword(first, PASSWORD).andExpect(status().isNotFound());
    setPassword(StaffTestCalls.tokenOf(again), PASSWORD).andExpect(status().isOk());
    mvc.perform(get("/console/invitation/{token}", StaffTestCalls.tokenOf(again)))
        .andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .string(Matchers.containsString("not valid")));
  }

  @Test
  void conflictsAndBadInputAreRefusedWithoutWritingAnything() throws Exception {
    String username = newUsername();
    invite(username, "First", null, List.of("CURATOR"));
    long before = jdbc.queryForObject("select count(*) from staff_account", Long.class);

    inviteRequest(Map.of("username", username, "displayName", "Second", "roles", List.of("CURATOR"))).andExpect(status().isConflict());
    inviteRequest(Map.of("username", "admin", "displayName", "Shadow", "roles", List.of("ADMIN")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("configured user")));
    inviteRequest(Map.of("username", "partner-bot", "displayName", "Integrator's Namesake", "roles", List.of("CURATOR")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("an integrator's name")));
    inviteRequest(Map.of("username", "Upper.Case", "displayName", "X", "roles", List.of("CURATOR")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("username"));
    inviteRequest(Map.of("username", newUsername(), "displayName", "X", "roles", List.of()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("roles"));
    inviteRequest(Map.of("username", newUsername(), "displayName", "X", "roles", List.of("INTEGRATOR"))).andExpect(status().isBadRequest());
    inviteRequest(Map.of("username", newUsername(), "displayName", "X", "email", "not-an-address", "roles", List.of("CURATOR")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
    mvc.perform(post("/api/v1/admin/staff/admin/disable").with(ADMIN)).andExpect(status().isConflict());
    mvc.perform(post("/api/v1/admin/staff/{id}/disable", UUID.randomUUID()).with(ADMIN)).andExpect(status().isNotFound());

    assertThat(jdbc.queryForObject("select count(*) from staff_account", Long.class)).isEqualTo(before);
    mvc.perform(get("/api/v1/admin/staff").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.staff[?(@.username == 'admin')].source").value(Matchers.contains("configuration")))
        .andExpect(jsonPath("$.staff[?(@.username == '" + username + "')].status").value(Matchers.contains("INVITED")));
  }

  @Test
  void anAdministratorCannotLockThemselvesOut() throws Exception {
    String username = newUsername();
    setPassword(StaffTestCalls.tokenOf(invite(username, "Second Admin", null, List.of("ADMIN"))), PASSWORD).andExpect(status().isOk());
    RequestPostProcessor self = httpBasic(username, PASSWORD);

    mvc.perform(post("/api/v1/admin/staff/{id}/disable", username).with(self)).andExpect(status().isConflict());
    mvc.perform(
            put("/api/v1/admin/staff/{id}", username)
                .with(self)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("displayName", "Second Admin", "roles", List.of("CURATOR")))))
        .andExpect(status().isConflict());
    mvc.perform(get("/api/v1/admin/staff").with(self)).andExpect(status().isOk());
  }

  /**
   * Five wrong passwords from one address make the account wait there, even with the right one (429 and Retry-After on
   * the API, a message on the console's login page); the count is a database row, so every replica sees it; when the
   * wait is over (the row is made as old as the lockout, as if the minute had passed) the right password works and
   * clears the count.
   */
  @Test
  void wrongPasswordsLockTheAccountForAWhileThenItWorksAgain() throws Exception {
    String username = newUsername();
    setPassword(StaffTestCalls.tokenOf(invite(username, "Locked Out", null, List.of("CURATOR"))), PASSWORD).andExpect(status().isOk());
    String guesser = "203.0.113.50";
    String lockKey = "account:" + username + "@" + guesser;

    for (int i = 0; i < 5; i++) {
      mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, "wrong guess " + i)).with(from(guesser)))
          .andExpect(status().isUnauthorized());
    }
    String retryAfter =
        mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD)).with(from(guesser)))
            .andExpect(status().isTooManyRequests())
            .andReturn().getResponse().getHeader("Retry-After");
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
    String loginPage =
        mvc.perform(signInRequest(username, PASSWORD, guesser)).andReturn().getResponse().getRedirectedUrl();
    assertThat(loginPage).startsWith("/console/login?throttled=");
    mvc.perform(get(loginPage))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString("Try again in <span>1</span> minute(s)")));
    assertThat(jdbc.queryForObject("select failures from login_failure where failure_key = ?", Integer.class, lockKey))
        .isEqualTo(5);

    jdbc.update(
        "update login_failure set last_failure_at = ? where failure_key = ?",
        OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(61),
        lockKey);

    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD)).with(from(guesser))).andExpect(status().isOk());
    assertThat(jdbc.queryForObject("select count(*) from login_failure where failure_key = ?", Integer.class, lockKey))
        .isZero();
  }

  /**
   * Someone who knows a supervisor's username and sends a wrong password whenever the wait ends keeps only their own
   * address locked: the supervisor's right password from their own address works on the API and in the console.
   */
  @Test
  void somebodyElsesWrongPasswordsDoNotLockTheOwnerOut() throws Exception {
    String username = newUsername();
    setPassword(StaffTestCalls.tokenOf(invite(username, "On Duty", null, List.of("SUPERVISOR"))), PASSWORD).andExpect(status().isOk());
    String attacker = "203.0.113.60";
    String owner = "198.51.100.60";

    for (int i = 0; i < 6; i++) {
      mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, "wrong guess " + i)).with(from(attacker)));
    }
    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD)).with(from(attacker)))
        .andExpect(status().isTooManyRequests());

    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD)).with(from(owner)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(username));
    mvc.perform(signInRequest(username, PASSWORD, owner)).andExpect(redirectedUrl("/console/tasks"));
    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, PASSWORD)).with(from(attacker)))
        .andExpect(status().isTooManyRequests());
  }

  @Test
  void theInvitationAndAccountPagesWorkInTheConsole() throws Exception {
    String username = newUsername();
    String token = StaffTestCalls.tokenOf(invite(username, "Console Person", null, List.of("SUPERVISOR")));

    mvc.perform(get("/console/invitation/{token}", token))
        .andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.containsString(username)));
    mvc.perform(
            post("/console/invitation/{token}", token)
                .param("password", "short")
                .param("repeatPassword", "short")
                .with(csrf()))
        .andExpect(redirectedUrl("/console/invitation/" + token))
        .andExpect(result -> assertThat((List<?>) result.getFlashMap().get("problems")).isNotEmpty());
    mvc.perform(
            post("/console/invitation/{token}", token)
                .param("password", PASSWORD)
                .param("repeatPassword", PASSWORD)
                .with(csrf()))
        .andExpect(redirectedUrl("/console/login?welcome=" + username));

    MockHttpSession console = signIn(username, PASSWORD);
    mvc.perform(
            post("/console/account/password")
                .session(console)
                .param("currentPassword", PASSWORD)
                .param("newPassword", "evening tide signal 3")
                .param("repeatPassword", "evening tide signal 3")
                .with(csrf()))
        .andExpect(redirectedUrl("/console/account"))
        .andExpect(result -> assertThat(result.getFlashMap().get("message")).isEqualTo("Your password is changed."));
    mvc.perform(get("/api/v1/staff/me").with(httpBasic(username, "evening tide signal 3"))).andExpect(status().isOk());
  }

  private JsonNode invite(String username, String name, String email, List<String> roles) throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", name, "roles", roles));
    if (email != null) {
      body.put("email", email);
    }
    return json.readTree(inviteRequest(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
  }

  private ResultActions inviteRequest(Map<String, Object> body) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/admin/staff")
            .with(ADMIN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private ResultActions setPassword(String token, String password) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/staff/invitations/{token}", token)
                .with(StaffTestCalls.anotherAddress())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("password", password))));
  }

  private ResultActions changePassword(String username, String login, String current, String next) throws Exception {
    return mvc.perform(
        put("/api/v1/staff/me/password")
            .with(httpBasic(username, login))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("currentPassword", current, "newPassword", next))));
  }

  private MockHttpSession signIn(String username, String password) throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(signInRequest(username, password, "192.0.2.1").session(session)).andExpect(redirectedUrl("/console/tasks"));
    return session;
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signInRequest(
      String username, String password, String address) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/console/login")
        .param("username", username)
        .param("password", password)
        .with(csrf())
        .with(from(address));
  }


  static String newUsername() {
    return "staff-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

}
