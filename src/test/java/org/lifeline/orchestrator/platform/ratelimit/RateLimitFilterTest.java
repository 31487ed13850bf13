package org.lifeline.orchestrator.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.platform.security.BearerSessions;
import org.lifeline.orchestrator.platform.security.Roles;
import org.lifeline.orchestrator.MutableClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

  static final List<String> PUBLIC_WRITE_PATHS = List.of("/api/v1/requests", "/api/v1/requests/*/messages", "/api/v1/feedback/*");

  MutableClock clock = new MutableClock();
  SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  RateLimitFilter filter =
      new RateLimitFilter(
          new RateLimitProperties(PUBLIC_WRITE_PATHS, null, 3, 5, 0), new TokenBuckets(clock), new ObjectMapper(), metrics);

  @AfterEach
  void clearSecurity() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void anAnonymousCallerOverTheLimitGets429WithRetryAfterAndAProblem() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("10.0.0.1").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = call("10.0.0.1");

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getContentAsString()).contains("\"status\":429");
    assertThat(call("10.0.0.2").getStatus()).isEqualTo(200);
  }

  @Test
  void tokensComeBackOverTime() throws Exception {
    for (int i = 0; i < 3; i++) {
      call("10.0.0.3");
    }
    assertThat(call("10.0.0.3").getStatus()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(20));

    assertThat(call("10.0.0.3").getStatus()).isEqualTo(200);
  }

  @Test
  void anAuthenticatedClientHasItsOwnLargerAllowance() throws Exception {
    actAs("integrator-a");
    for (int i = 0; i < 5; i++) {
      assertThat(call("10.0.0.4").getStatus()).isEqualTo(200);
    }
    assertThat(call("10.0.0.4").getStatus()).isEqualTo(429);
  }

  @Test
  void eachIntegratorHasItsOwnBucket() throws Exception {
    actAs("integrator-a");
    for (int i = 0; i < 5; i++) {
      call("10.0.0.6");
    }
    assertThat(call("10.0.0.6").getStatus()).isEqualTo(429);

    actAs("integrator-b");
    assertThat(call("10.0.0.6").getStatus()).as("another integrator's first request, from the same address").isEqualTo(200);
    assertThat(metrics.counter(RateLimitFilter.REFUSED, "client", "integrator-a").count()).isEqualTo(1);
    assertThat(metrics.counter(RateLimitFilter.REFUSED, "client", "integrator-b").count()).isZero();
  }

  @Test
  void anIntegratorAndAUserOfTheSameNameHaveTheirOwnBuckets() throws Exception {
    actAs("shared-name", "ROLE_" + Roles.INTEGRATOR);
    for (int i = 0; i < 5; i++) {
      call("10.0.0.11");
    }
    assertThat(call("10.0.0.11").getStatus()).isEqualTo(429);

    actAs("shared-name", "ROLE_" + Roles.CURATOR);
    assertThat(call("10.0.0.11").getStatus()).as("a user who happens to have the integrator's name").isEqualTo(200);
    actAs("shared-name", "ROLE_" + Roles.INTEGRATOR, "ROLE_" + Roles.ADMIN);
    assertThat(call("10.0.0.11").getStatus()).as("a staff role makes the caller a person, not the integrator").isEqualTo(200);
  }

  @Test
  void everyPublicWritePathSharesTheCallersBucket() throws Exception {
    actAs("integrator-c");
    assertThat(call("POST", "/api/v1/requests", "10.0.0.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/requests/" + UUID.randomUUID() + "/messages", "10.0.0.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/requests/" + UUID.randomUUID() + "/messages", "10.0.0.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/requests/" + UUID.randomUUID() + "/messages", "10.0.0.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/requests/" + UUID.randomUUID() + "/messages", "10.0.0.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/requests/" + UUID.randomUUID() + "/messages", "10.0.0.7").getStatus()).isEqualTo(429);

    SecurityContextHolder.clearContext();
    for (int i = 0; i < 3; i++) {
      assertThat(call("POST", "/api/v1/feedback/one-time-token-" + i, "10.0.0.8").getStatus()).isEqualTo(200);
    }
    assertThat(call("POST", "/api/v1/feedback/one-time-token-3", "10.0.0.8").getStatus()).isEqualTo(429);
    assertThat(metrics.counter(RateLimitFilter.REFUSED, "client", RateLimitFilter.ANONYMOUS).count()).isEqualTo(1);
  }

  @Test
  void aPathAddedToTheConfigurationIsLimited() throws Exception {
    RateLimitFilter withChat =
        new RateLimitFilter(
            new RateLimitProperties(List.of("/api/v1/chat/**"), null, 1, 1, 0), new TokenBuckets(clock), new ObjectMapper(), metrics);
    MockHttpServletResponse first = new MockHttpServletResponse();
    withChat.doFilter(request("POST", "/api/v1/chat/sessions", "10.0.0.9"), first, new MockFilterChain());
    MockHttpServletResponse second = new MockHttpServletResponse();
    withChat.doFilter(request("POST", "/api/v1/chat/messages", "10.0.0.9"), second, new MockFilterChain());

    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(second.getStatus()).isEqualTo(429);
  }

  @Test
  void eachChatSessionHasItsOwnSmallerBucketAndOneMetricTag() throws Exception {
    RateLimitFilter withChat =
        new RateLimitFilter(
            new RateLimitProperties(List.of("/api/v1/chat/**"), null, 1, 100, 2), new TokenBuckets(clock), new ObjectMapper(), metrics);
    actAsPerson("chat:session-a");
    for (int i = 0; i < 2; i++) {
      MockHttpServletResponse taken = new MockHttpServletResponse();
      withChat.doFilter(request("POST", "/api/v1/chat/messages", "10.0.0.10"), taken, new MockFilterChain());
      assertThat(taken.getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse braked = new MockHttpServletResponse();
    withChat.doFilter(request("POST", "/api/v1/chat/messages", "10.0.0.10"), braked, new MockFilterChain());
    assertThat(braked.getStatus()).isEqualTo(429);

    actAsPerson("chat:session-b");
    MockHttpServletResponse other = new MockHttpServletResponse();
    withChat.doFilter(request("POST", "/api/v1/chat/messages", "10.0.0.10"), other, new MockFilterChain());
    assertThat(other.getStatus()).as("another session from the same address").isEqualTo(200);
    assertThat(metrics.counter(RateLimitFilter.REFUSED, "client", RateLimitFilter.PERSON).count()).isEqualTo(1);
    assertThat(metrics.find(RateLimitFilter.REFUSED).tag("client", "chat:session-a").counter()).isNull();
  }

  @Test
  void readsAndOtherPathsAreNotLimited() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(call("GET", "/api/v1/requests/123", "10.0.0.5").getStatus()).isEqualTo(200);
      assertThat(call("POST", "/api/v1/requests/123/risk-flags", "10.0.0.5").getStatus()).isEqualTo(200);
    }
  }

  private static void actAsPerson(String name) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList(BearerSessions.AUTHORITY)));
  }

  private static void actAs(String name, String... authorities) {
    SecurityContextHolder.getContext()
        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList(authorities)));
  }

  private MockHttpServletResponse call(String ip) throws Exception {
    return call("POST", "/api/v1/requests", ip);
  }

  private MockHttpServletResponse call(String method, String path, String ip) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request(method, path, ip), response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletRequest request(String method, String path, String ip) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRemoteAddr(ip);
    return request;
  }
}
