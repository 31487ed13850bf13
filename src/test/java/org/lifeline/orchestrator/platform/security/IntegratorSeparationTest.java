package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two integrators (the test profile configures {@code demo} and {@code partner-bot}): each reads and writes only the
 * requests it brought, through every route an integrator has; the other's are 404, as if they did not exist.
 */
@PlatformTest
class IntegratorSeparationTest {

  static final String DEMO_KEY = ApiClient.DEMO_KEY;
  static final String PARTNER_KEY = "partner-bot-test-key-0123456789";
  static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  /** Every route an integrator may call on one request, with a body where it takes one. */
  record Route(HttpMethod method, String path, String body) {

    MockHttpServletRequestBuilder on(UUID requestId) {
      MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path, requestId);
      return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
  }

  static final List<Route> REQUEST_ROUTES =
      List.of(
          new Route(HttpMethod.GET, "/api/v1/requests/{id}", null),
          new Route(HttpMethod.GET, "/api/v1/requests/{id}/questionnaire/next", null),
          new Route(HttpMethod.GET, "/api/v1/requests/{id}/questionnaire/progress", null),
          new Route(HttpMethod.POST, "/api/v1/requests/{id}/questionnaire/answers", "{\"questionId\":\"topic\",\"answer\":\"anxiety\"}"),
          new Route(HttpMethod.POST, "/api/v1/requests/{id}/messages", "{\"text\":\"written by the wrong integrator\"}"),
          new Route(HttpMethod.POST, "/api/v1/requests/{id}/feedback", "{\"rating\":5}"),
          new Route(HttpMethod.GET, "/api/v1/requests/{id}/feedback-link", null),
          new Route(HttpMethod.GET, "/api/v1/requests/{id}/feedback", null),
          new Route(HttpMethod.POST, "/api/v1/requests/{id}/risk-flags", "{\"level\":\"HIGH\",\"reasonCode\":\"concern\"}"));

  @Test
  void anIntegratorReachesNoneOfAnotherIntegratorsRequests() throws Exception {
    String person = "person-" + UUID.randomUUID();
    JsonNode ofDemo = intake(DEMO_KEY, person, null);
    UUID demoRequest = UUID.fromString(ofDemo.get("id").asText());
    UUID contact = UUID.fromString(ofDemo.get("contactId").asText());

    List<String> answered = new ArrayList<>();
    for (Route route : REQUEST_ROUTES) {
      MockHttpServletResponse response = mvc.perform(route.on(demoRequest).header(ApiClient.API_KEY_HEADER, PARTNER_KEY)).andReturn().getResponse();
      answered.add(route.method() + " " + route.path() + " " + response.getStatus() + " " + detail(response));
    }
    assertThat(answered)
        .as("another integrator's request does not exist for partner-bot")
        .allSatisfy(line -> assertThat(line).endsWith(" 404 No request " + demoRequest));
    mvc.perform(get("/api/v1/contacts/{id}/requests", contact).header(ApiClient.API_KEY_HEADER, PARTNER_KEY))
        .andExpect(status().isNotFound());

    for (Route route : REQUEST_ROUTES) {
      MockHttpServletResponse response = mvc.perform(route.on(demoRequest).header(ApiClient.API_KEY_HEADER, DEMO_KEY)).andReturn().getResponse();
      assertThat(detail(response))
          .as("%s %s by the integrator that brought the request", route.method(), route.path())
          .isNotEqualTo("No request " + demoRequest);
    }
    JsonNode history = json.readTree(mvc.perform(get("/api/v1/requests/{id}", demoRequest).with(CURATOR))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("history");
    List<String> messageActors = new ArrayList<>();
    history.forEach(entry -> {
      if ("MESSAGE_IN".equals(entry.get("type").asText())) {
        messageActors.add(entry.get("actor").asText());
      }
    });
    assertThat(messageActors).as("the first message and the demo integrator's, not partner-bot's").hasSize(2);
    assertThat(history.findValuesAsText("type")).doesNotContain("RISK_SIGNAL");

    String probing =
        mvc.perform(get("/api/v1/admin/audit").param("actor", "partner-bot").param("requestId", demoRequest.toString())
                .param("refused", "true").with(ADMIN))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    JsonNode refusals = json.readTree(probing).get("content");
    List<String> audited = new ArrayList<>();
    refusals.forEach(entry -> audited.add(entry.get("action").asText() + " " + entry.get("status").asInt()));
    assertThat(audited)
        .as("partner-bot's refused reads of content and actions are in the access audit (the feedback step's state is"
            + " not content)")
        .containsExactlyInAnyOrder(
            "GET /api/v1/requests/{id} 404",
            "GET /api/v1/requests/{requestId}/questionnaire/next 404",
            "GET /api/v1/requests/{requestId}/questionnaire/progress 404",
            "POST /api/v1/requests/{requestId}/questionnaire/answers 404",
            "POST /api/v1/requests/{id}/messages 404",
            "POST /api/v1/requests/{requestId}/feedback 404",
            "GET /api/v1/requests/{requestId}/feedback-link 404",
            "POST /api/v1/requests/{id}/risk-flags 404");
  }

  @Test
  void aContactsRequestsShowAnIntegratorOnlyItsOwn() throws Exception {
    String person = "shared-" + UUID.randomUUID();
    JsonNode ofDemo = intake(DEMO_KEY, person, null);
    JsonNode ofPartner = intake(PARTNER_KEY, person, null);
    String contact = ofDemo.get("contactId").asText();
    assertThat(ofPartner.get("contactId").asText()).isEqualTo(contact);

    assertThat(requestIdsOfContact(contact, ApiClient.API_KEY_HEADER, PARTNER_KEY)).containsExactly(ofPartner.get("id").asText());
    assertThat(requestIdsOfContact(contact, ApiClient.API_KEY_HEADER, DEMO_KEY)).containsExactly(ofDemo.get("id").asText());
    String curatorView =
        mvc.perform(get("/api/v1/contacts/{id}/requests", contact).with(CURATOR)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    assertThat(json.readTree(curatorView).get("requests").findValuesAsText("id"))
        .containsExactly(ofDemo.get("id").asText(), ofPartner.get("id").asText());
    mvc.perform(get("/api/v1/requests/{id}", ofPartner.get("id").asText()).header(ApiClient.API_KEY_HEADER, PARTNER_KEY))
        .andExpect(status().isOk());
  }

  @Test
  void anIntegratorTakesInRequestsOfItsChannelsOnly() throws Exception {
    mvc.perform(
            post("/api/v1/requests")
                .header(ApiClient.API_KEY_HEADER, PARTNER_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"telegram\",\"channelUserId\":\"" + UUID.randomUUID() + "\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theSameIdempotencyKeyFromTwoIntegratorsMakesTwoRequests() throws Exception {
    String person = "retry-" + UUID.randomUUID();
    String key = "key-" + UUID.randomUUID();
    JsonNode ofDemo = intake(DEMO_KEY, person, key);
    JsonNode ofPartner = intake(PARTNER_KEY, person, key);
    JsonNode demoAgain = intake(DEMO_KEY, person, key);

    assertThat(ofPartner.get("id")).isNotEqualTo(ofDemo.get("id"));
    assertThat(demoAgain.get("id")).isEqualTo(ofDemo.get("id"));
  }

  @Test
  void theAuditAndTheMetricsNameTheIntegrator() throws Exception {
    UUID ofPartner = UUID.fromString(intake(PARTNER_KEY, "named-" + UUID.randomUUID(), null).get("id").asText());
    mvc.perform(get("/api/v1/requests/{id}", ofPartner).header(ApiClient.API_KEY_HEADER, PARTNER_KEY)).andExpect(status().isOk());

    String audit =
        mvc.perform(get("/api/v1/admin/audit").param("requestId", ofPartner.toString()).with(ADMIN))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(json.readTree(audit).get("content").findValuesAsText("actor")).containsOnly("partner-bot").hasSize(2);
    String history =
        mvc.perform(get("/api/v1/requests/{id}", ofPartner).with(CURATOR)).andReturn().getResponse().getContentAsString();
    assertThat(json.readTree(history).get("history").get(0).get("actor").asText()).isEqualTo("partner-bot");
    String metric =
        mvc.perform(get("/actuator/metrics/lifeline.intake.submissions").param("tag", "integrator:partner-bot").with(ADMIN))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(json.readTree(metric).get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
  }

  private JsonNode intake(String apiKey, String channelUserId, String idempotencyKey) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/api/v1/requests")
            .header(ApiClient.API_KEY_HEADER, apiKey)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("channel", "web", "channelUserId", channelUserId, "age", 30, "message", "hello")));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return json.readTree(mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
  }

  private List<String> requestIdsOfContact(String contact, String header, String value) throws Exception {
    String body =
        mvc.perform(get("/api/v1/contacts/{id}/requests", contact).header(header, value)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    return json.readTree(body).get("requests").findValuesAsText("id");
  }

  private String detail(MockHttpServletResponse response) throws Exception {
    String body = response.getContentAsString();
    return body.isEmpty() ? "" : json.readTree(body).path("detail").asText();
  }
}
