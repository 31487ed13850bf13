package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Guessing passwords of configured users and API keys is slowed down, through the API's HTTP Basic, the console's
 * form and the X-API-Key header. Each test calls from its own address; the accounts it locks are released after it, as
 * a successful login would, for the other tests of the shared platform.
 */
@PlatformTest
class LoginThrottlingTest {

  @Autowired MockMvc mvc;
  @Autowired LoginThrottle throttle;

  @AfterEach
  void releaseTheAccounts() {
    throttle.succeeded("admin", "198.51.100.21");
    throttle.succeeded("supervisor", "198.51.100.31");
  }

  @Test
  void thirtyWrongPasswordsForAdminThenTheRightOneIsRefusedWithRetryAfter() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      statuses.add(mvc.perform(get("/api/v1/admin/audit").with(httpBasic("admin", "guess-" + i)).with(from("198.51.100.21")))
          .andReturn().getResponse().getStatus());
    }
    MockHttpServletResponse right =
        mvc.perform(get("/api/v1/admin/audit").with(httpBasic("admin", "demo")).with(from("198.51.100.21")))
            .andExpect(status().isTooManyRequests())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andReturn()
            .getResponse();

    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 30)).containsOnly(429);
    assertThat(Long.parseLong(right.getHeader("Retry-After"))).isBetween(1L, 60L);
    // The right password from another address: the guesser locked only their own.
    mvc.perform(get("/api/v1/admin/audit").with(httpBasic("admin", "demo")).with(from("198.51.100.22")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/admin/audit").with(httpBasic("curator", "demo")).with(from("198.51.100.21")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theConsoleFormAsksToWait() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn("supervisor", "guess-" + i, "198.51.100.31"))
          .andExpect(redirectedUrl("/console/login?error"));
    }
    mvc.perform(signIn("supervisor", "demo", "198.51.100.31"))
        .andExpect(redirectedUrlPattern("/console/login?throttled=*"));
    mvc.perform(get("/console/login").param("throttled", "61"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Try again in <span>2</span> minute(s)")));
  }

  @Test
  void guessingApiKeysFromOneAddressIsRefusedWithRetryAfter() throws Exception {
    for (int i = 0; i < 20; i++) {
      mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID())
              .header(ApiClient.API_KEY_HEADER, "guessed-key-" + i).with(from("198.51.100.41")))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID())
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY).with(from("198.51.100.41")))
        .andExpect(status().isTooManyRequests())
        .andExpect(result -> assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank());
    mvc.perform(get("/api/v1/requests/{id}", UUID.randomUUID())
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY).with(from("198.51.100.42")))
        .andExpect(status().isNotFound());
  }

  private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
    return post("/console/login").param("username", username).param("password", password).with(csrf()).with(from(address));
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
