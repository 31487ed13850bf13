package org.lifeline.orchestrator.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Through the whole application, with two real API keys: one integrator's exhausted bucket brakes no other. */
@PlatformTest
class IntegratorBucketsTest {

  static final String DRAINED_KEY = "bucket-drainer-test-key-0123456789";
  static final String OTHER_KEY = "partner-bot-test-key-0123456789";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired RateLimitProperties limits;

  @Test
  void anIntegratorOverItsLimitGets429WhileAnotherIsStillServed() throws Exception {
    JsonNode created =
        json.readTree(
            mvc.perform(
                    post("/api/v1/requests")
                        .header(ApiClient.API_KEY_HEADER, OTHER_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"channel\":\"api\",\"channelUserId\":\"bucket-" + UUID.randomUUID()
                                + "\",\"language\":\"en\",\"message\":\"I need someone to talk to\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    String ownRequest = created.get("id").asText();

    // Tokens come back while the loop runs (client-per-minute a minute), so it goes on until the refusal. Each call
    // counts before the application reads it; a body it does not take (415) keeps the calls cheap.
    int status = 0;
    int calls = 0;
    while (status != 429 && calls < 3 * limits.clientPerMinute()) {
      status =
          mvc.perform(
                  post("/api/v1/requests/{id}/messages", UUID.randomUUID())
                      .header(ApiClient.API_KEY_HEADER, DRAINED_KEY)
                      .contentType(MediaType.TEXT_PLAIN)
                      .content("hello"))
              .andReturn()
              .getResponse()
              .getStatus();
      calls++;
    }
    assertThat(status).as("after %d calls with the drained key", calls).isEqualTo(429);
    assertThat(calls).as("its whole allowance was served first").isGreaterThan(limits.clientPerMinute());

    mvc.perform(
            post("/api/v1/requests/{id}/messages", ownRequest)
                .header(ApiClient.API_KEY_HEADER, OTHER_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"still there?\"}"))
        .andExpect(status().isAccepted())
        .andExpect(header().doesNotExist("Retry-After"));
  }
}
