package org.lifeline.orchestrator.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.MutableClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

  MutableClock clock = new MutableClock();
  RateLimitFilter filter =
      new RateLimitFilter(new RateLimitProperties(List.of("/api/v1/requests"), 3, 5), new TokenBuckets(clock), new ObjectMapper());

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
    SecurityContextHolder.getContext()
        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("integrator", null, AuthorityUtils.NO_AUTHORITIES));
    for (int i = 0; i < 5; i++) {
      assertThat(call("10.0.0.4").getStatus()).isEqualTo(200);
    }
    assertThat(call("10.0.0.4").getStatus()).isEqualTo(429);
  }

  @Test
  void otherPathsAreNotLimited() throws Exception {
    for (int i = 0; i < 10; i++) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/requests/123");
      request.setRemoteAddr("10.0.0.5");
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(request, response, new MockFilterChain());
      assertThat(response.getStatus()).isEqualTo(200);
    }
  }

  private MockHttpServletResponse call(String ip) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/requests");
    request.setRemoteAddr(ip);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
