package org.lifeline.orchestrator;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Drives the HTTP API as an integrator would, for end-to-end tests. */
public final class ApiClient {

  public static final String API_KEY_HEADER = "X-API-Key";
  public static final String DEMO_KEY = "demo-integrator-key";

  private final MockMvc mvc;
  private final ObjectMapper json;

  public ApiClient(MockMvc mvc, ObjectMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  /**
   * Takes a request in and waits until its process has started (intake answers first and starts it right after), so
   * that a test changing the request next does not race the start.
   */
  public JsonNode createRequest(String body) throws Exception {
    JsonNode created = json.readTree(postRequest(body));
    awaitRequest(UUID.fromString(created.get("id").asText()), request -> !"RECEIVED".equals(request.get("status").asText()));
    return created;
  }

  private String postRequest(String body) throws Exception {
    return
        mvc.perform(
                post("/api/v1/requests")
                    .header(API_KEY_HEADER, DEMO_KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
  }

  public JsonNode request(UUID id) throws Exception {
    String response =
        mvc.perform(get("/api/v1/requests/{id}", id).header(API_KEY_HEADER, DEMO_KEY))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(response);
  }

  /**
   * Polls the request until the condition holds (the engine works asynchronously). The deadline is generous: the
   * shared test engine gets bursts of work when a test moves its clock past every waiting request's timers.
   */
  public JsonNode awaitRequest(UUID id, Predicate<JsonNode> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> request(id), condition);
  }

  public static boolean hasOutbound(JsonNode request, String template) {
    for (JsonNode entry : request.get("history")) {
      if ("MESSAGE_OUT".equals(entry.path("type").asText()) && template.equals(entry.path("template").asText())) {
        return true;
      }
    }
    return false;
  }

  public static long countOutbound(JsonNode request, String template) {
    long count = 0;
    for (JsonNode entry : request.get("history")) {
      if ("MESSAGE_OUT".equals(entry.path("type").asText()) && template.equals(entry.path("template").asText())) {
        count++;
      }
    }
    return count;
  }
}
