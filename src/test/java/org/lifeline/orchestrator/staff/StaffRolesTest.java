package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Roles on every endpoint of the staff accounts, the on-duty rota and the onboarding import, API and console: each
 * caller (nobody, an integrator, each staff role) against each endpoint, refused ones 401/403 with nothing written,
 * allowed ones past security (their bodies are harmless: unknown ids, invalid input). And no API endpoint anywhere
 * in the platform is without a declared role.
 */
@PlatformTest
class StaffRolesTest {

  static final Set<String> STAFF = Set.of("curator", "specialist", "supervisor", "admin");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  record Endpoint(HttpMethod method, String path, String body, Set<String> allowed) {}

  static final String UNKNOWN = UUID.randomUUID().toString();

  static final List<Endpoint> API =
      List.of(
          new Endpoint(HttpMethod.POST, "/api/v1/admin/staff", "{}", Set.of("admin")),
          new Endpoint(HttpMethod.GET, "/api/v1/admin/staff", null, Set.of("admin")),
          new Endpoint(HttpMethod.GET, "/api/v1/admin/staff/" + UNKNOWN, null, Set.of("admin")),
          new Endpoint(HttpMethod.PUT, "/api/v1/admin/staff/" + UNKNOWN, "{}", Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/api/v1/admin/staff/" + UNKNOWN + "/disable", null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/api/v1/admin/staff/" + UNKNOWN + "/enable", null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/api/v1/admin/staff/" + UNKNOWN + "/invitation", null, Set.of("admin")),
          new Endpoint(HttpMethod.GET, "/api/v1/admin/on-duty", null, Set.of("admin", "supervisor")),
          new Endpoint(HttpMethod.PUT, "/api/v1/admin/on-duty", "{}", Set.of("admin")),
          new Endpoint(HttpMethod.GET, "/api/v1/staff/me", null, STAFF),
          new Endpoint(HttpMethod.PUT, "/api/v1/staff/me/password", "{}", STAFF),
          new Endpoint(HttpMethod.POST, "/api/v1/staff/me/telegram-link", null, STAFF),
          new Endpoint(HttpMethod.DELETE, "/api/v1/staff/me/telegram-link", null, STAFF),
          new Endpoint(HttpMethod.POST, "/api/v1/specialists/import?logins=true", "name\n", Set.of("admin")));

  static final List<Endpoint> CONSOLE =
      List.of(
          new Endpoint(HttpMethod.GET, "/console/staff", null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/console/staff", null, Set.of("admin")),
          new Endpoint(HttpMethod.GET, "/console/staff/" + UNKNOWN, null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/console/staff/" + UNKNOWN, null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/console/staff/" + UNKNOWN + "/disable", null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/console/staff/" + UNKNOWN + "/enable", null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/console/staff/" + UNKNOWN + "/invitation", null, Set.of("admin")),
          new Endpoint(HttpMethod.POST, "/console/staff/import", null, Set.of("admin")),
          new Endpoint(HttpMethod.GET, "/console/on-duty", null, Set.of("admin", "supervisor")),
          new Endpoint(HttpMethod.POST, "/console/on-duty", null, Set.of("admin")),
          new Endpoint(HttpMethod.GET, "/console/account", null, STAFF),
          new Endpoint(HttpMethod.GET, "/console/board", null, Set.of("curator", "supervisor", "admin")),
          new Endpoint(HttpMethod.GET, "/console/board/data", null, Set.of("curator", "supervisor", "admin")),
          new Endpoint(HttpMethod.GET, "/console/board/requests/" + UNKNOWN, null, Set.of("curator", "supervisor", "admin")),
          new Endpoint(
              HttpMethod.POST, "/console/board/requests/" + UNKNOWN + "/reassignment", null, Set.of("curator", "supervisor", "admin")));

  @Test
  void theApiRefusesEveryoneWithoutTheRole() throws Exception {
    long accounts = count("staff_account");
    long rotas = count("on_duty_rota");
    Map<String, RequestPostProcessor> callers = new LinkedHashMap<>();
    callers.put("nobody", request -> request);
    callers.put("integrator", request -> {
      request.addHeader(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY);
      return request;
    });
    for (String name : STAFF) {
      callers.put(name, httpBasic(name, "demo"));
    }
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : API) {
      for (Map.Entry<String, RequestPostProcessor> caller : callers.entrySet()) {
        int status = mvc.perform(request(endpoint).with(caller.getValue())).andReturn().getResponse().getStatus();
        boolean allowed = endpoint.allowed().contains(caller.getKey());
        int refusal = caller.getKey().equals("nobody") ? 401 : 403;
        if (allowed ? status == 401 || status == 403 : status != refusal) {
          wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller.getKey() + ": " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(count("staff_account")).isEqualTo(accounts);
    assertThat(count("on_duty_rota")).isEqualTo(rotas);
  }

  @Test
  void theConsolePagesRefuseEveryoneWithoutTheRole() throws Exception {
    Map<String, RequestPostProcessor> callers = new LinkedHashMap<>();
    callers.put("curator", user("curator").roles("CURATOR"));
    callers.put("specialist", user("specialist").roles("SPECIALIST"));
    callers.put("supervisor", user("supervisor").roles("SUPERVISOR"));
    callers.put("admin", user("admin").roles("ADMIN", "CURATOR", "SUPERVISOR"));
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : CONSOLE) {
      int anonymous = mvc.perform(request(endpoint).with(csrf())).andReturn().getResponse().getStatus();
      if (anonymous != 302) {
        wrong.add(endpoint.path() + " without login: " + anonymous);
      }
      for (Map.Entry<String, RequestPostProcessor> caller : callers.entrySet()) {
        int status = mvc.perform(request(endpoint).with(caller.getValue()).with(csrf())).andReturn().getResponse().getStatus();
        boolean allowed = endpoint.allowed().contains(caller.getKey());
        if (allowed == (status == 403)) {
          wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller.getKey() + ": " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Open on purpose in the API's security chain: a one-time token in the path is the authorisation (the invitation
   * endpoint says so with {@code @PreAuthorize("permitAll()")}).
   */
  static final Set<String> OPEN_BY_TOKEN = Set.of("/api/v1/feedback/{token}");

  /** A controller that forgets @PreAuthorize would be open to any logged-in caller, an integrator included. */
  @Test
  void everyApiEndpointOfThePlatformDeclaresWhoMayCallIt() {
    List<String> undeclared = new ArrayList<>();
    for (Map.Entry<org.springframework.web.servlet.mvc.method.RequestMappingInfo, HandlerMethod> mapping :
        mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = mapping.getValue();
      boolean api =
          mapping.getKey().getPatternValues().stream()
              .anyMatch(pattern -> pattern.startsWith("/api/") && !OPEN_BY_TOKEN.contains(pattern));
      boolean declared =
          AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
              || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
      if (api && !declared) {
        undeclared.add(mapping.getKey().toString());
      }
    }
    assertThat(undeclared).isEmpty();
  }

  private static MockHttpServletRequestBuilder request(Endpoint endpoint) {
    if (endpoint.path().startsWith("/console/") && endpoint.path().endsWith("/import")) {
      return MockMvcRequestBuilders.multipart(endpoint.path()).file("file", new byte[0]); // as the page's form sends it
    }
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.path());
    if (endpoint.body() != null) {
      request.content(endpoint.body()).contentType(
          endpoint.path().contains("/import") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON);
    }
    return request;
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
