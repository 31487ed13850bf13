package org.lifeline.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Health and Prometheus metrics for operations. */
@PlatformTest
class OperationsEndpointsTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void healthShowsEveryoneTheStatusAndAdminsTheComponents() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components").doesNotExist());
    mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.components.engine.status").value("UP"))
        .andExpect(jsonPath("$.components.engine.details.mode").value("EMBEDDED"))
        .andExpect(jsonPath("$.components.engine.details.brokers").value(1))
        .andExpect(jsonPath("$.components.db.status").value("UP"))
        .andExpect(jsonPath("$.components.outbox.status").value("UP"))
        .andExpect(jsonPath("$.components.outbox.details.pending").isNumber())
        .andExpect(jsonPath("$.components.camundaClient").doesNotExist());
  }

  @Test
  void prometheusShowsRequestsByStageTimeInStageAndOutboxLag() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    UUID id =
        UUID.fromString(
            api.createRequest(
                    "{\"channel\":\"web\",\"channelUserId\":\"ops-" + UUID.randomUUID() + "\",\"age\":30,\"language\":\"en\",\"message\":\"hello\"}")
                .get("id")
                .asText());
    api.awaitRequest(id, request -> request.get("status").asText().equals("QUESTIONNAIRE"));

    String metrics =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(this::prometheus, text -> Pattern.compile(
                    "(?m)^lifeline_requests\\{stage=\"questionnaire\",status=\"QUESTIONNAIRE\"} [1-9]").matcher(text).find());

    assertThat(metrics)
        .containsPattern("(?m)^lifeline_requests\\{stage=\"closed\",status=\"REJECTED\"} ")
        .containsPattern("(?m)^lifeline_requests_stage_duration_seconds_count\\{stage=\"intake\"} [1-9]")
        .containsPattern("(?m)^lifeline_requests_stage_duration_seconds_count\\{stage=\"qualification\"} [1-9]")
        .containsPattern("(?m)^lifeline_outbox_lag_seconds ")
        .containsPattern("(?m)^lifeline_outbox_pending ")
        .containsPattern("(?m)^lifeline_outbox_failed ");
  }

  @Test
  void metricsAreForAdminsOnly() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("curator", "demo"))).andExpect(status().isForbidden());
  }

  private String prometheus() throws Exception {
    return mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
