package org.lifeline.orchestrator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code GET /api/v1/requests}, the board, on the shared platform: who may read it, how it sorts, filters and pages,
 * how it refuses bad parameters, and that it carries no text of the person. Requests of other tests are on the board
 * too, so the assertions look at this test's own requests and their order among all.
 */
@PlatformTest
class BoardApiTest {

  private static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  private static final RequestPostProcessor SUPERVISOR = httpBasic("supervisor", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void curatorsAndSupervisorsReadTheBoardNobodyElse() throws Exception {
    mvc.perform(get("/api/v1/requests").with(CURATOR)).andExpect(status().isOk()).andExpect(jsonPath("$.content").isArray());
    mvc.perform(get("/api/v1/requests").with(SUPERVISOR)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/requests").with(httpBasic("specialist", "demo"))).andExpect(status().isForbidden());
    // Administrators run the system, not cases.
    mvc.perform(get("/api/v1/requests").with(user("operator").roles(Roles.ADMIN))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/requests").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/requests")).andExpect(status().isUnauthorized());
  }

  @Test
  void highestRiskFirstThenTheLongestWaitingOpenRequestsOnlyUnlessAsked() throws Exception {
    Instant now = Instant.now();
    UUID highRecent = stored("AWAITING_ASSIGNMENT", "HIGH", now.minus(Duration.ofMinutes(10)));
    UUID highLong = stored("AWAITING_ASSIGNMENT", "HIGH", now.minus(Duration.ofHours(2)));
    UUID medium = stored("QUESTIONNAIRE", "MEDIUM", now.minus(Duration.ofHours(5)));
    UUID none = stored("IN_PROGRESS", "NONE", now.minus(Duration.ofDays(3)));
    UUID closedHigh = stored("CLOSED", "HIGH", now.minus(Duration.ofHours(1)));

    // Requests in their status for 9 minutes or more: these, and hardly any of other tests (theirs are seconds old).
    List<String> waiting = ids(board(Map.of("waitingLongerThan", "PT9M", "size", "200")));
    assertThat(waiting)
        .containsSubsequence(highLong.toString(), highRecent.toString(), medium.toString(), none.toString())
        .as("final statuses only when asked for")
        .doesNotContain(closedHigh.toString());
    assertThat(board(Map.of("size", "1")).get("content").get(0).get("riskLevel").asText())
        .as("HIGH is first on the board")
        .isEqualTo("HIGH");

    JsonNode highLongRow = row(board(Map.of("stage", "assignment", "riskLevel", "HIGH", "size", "200")), highLong);
    assertThat(highLongRow.get("status").asText()).isEqualTo("AWAITING_ASSIGNMENT");
    assertThat(highLongRow.get("stage").asText()).isEqualTo("assignment");
    assertThat(Instant.parse(highLongRow.get("waitingSince").asText()))
        .isCloseTo(now.minus(Duration.ofHours(2)), org.assertj.core.api.Assertions.within(Duration.ofSeconds(1)));
    assertThat(highLongRow.get("assignedSpecialist").isNull()).isTrue();
    assertThat(highLongRow.get("openTasks").isEmpty()).isTrue();

    assertThat(ids(board(Map.of("stage", "assignment", "size", "200"))))
        .contains(highLong.toString(), highRecent.toString())
        .doesNotContain(medium.toString(), none.toString());
    assertThat(ids(board(Map.of("status", "QUESTIONNAIRE,IN_PROGRESS", "size", "200"))))
        .contains(medium.toString(), none.toString())
        .doesNotContain(highLong.toString());
    assertThat(ids(board(Map.of("status", "closed", "riskLevel", "high", "size", "200"))))
        .as("final statuses when asked for; names without regard to case")
        .contains(closedHigh.toString());
    assertThat(ids(board(Map.of("riskLevel", "HIGH", "waitingLongerThan", "PT1H", "size", "200"))))
        .contains(highLong.toString())
        .doesNotContain(highRecent.toString(), closedHigh.toString());
    assertThat(ids(board(Map.of("stage", "care", "status", "AWAITING_ASSIGNMENT"))))
        .as("status and stage both narrow the list")
        .isEmpty();
  }

  @Test
  void pagesAreConsistent() throws Exception {
    Instant now = Instant.now();
    for (int i = 0; i < 3; i++) {
      stored("CURATOR_REVIEW", "LOW", now.minus(Duration.ofMinutes(30 + i)));
    }
    // Only this test's requests: curator reviews at LOW risk for half an hour.
    Map<String, String> mine = Map.of("status", "CURATOR_REVIEW", "riskLevel", "LOW", "waitingLongerThan", "PT29M");
    JsonNode whole = board(with(mine, "size", "200"));
    long total = whole.get("totalElements").asLong();
    assertThat(total).isEqualTo(3);

    JsonNode second = board(with(with(mine, "page", "1"), "size", "2"));
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(second.get("size").asInt()).isEqualTo(2);
    assertThat(second.get("totalElements").asLong()).isEqualTo(total);
    assertThat(second.get("totalPages").asInt()).isEqualTo((int) ((total + 1) / 2));
    assertThat(ids(second)).isEqualTo(ids(whole).subList(2, (int) Math.min(4, total)));
    assertThat(ids(board(with(with(mine, "page", "100000"), "size", "2")))).isEmpty();
  }

  @Test
  void badParametersAreNamed() throws Exception {
    JsonNode problem =
        json.readTree(
            mvc.perform(
                    get("/api/v1/requests")
                        .with(CURATOR)
                        .param("status", "DONE")
                        .param("stage", "closing")
                        .param("riskLevel", "SEVERE")
                        .param("waitingLongerThan", "30 minutes")
                        .param("page", "-1")
                        .param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString());
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("status", "stage", "riskLevel", "waitingLongerThan", "page", "size");
    assertThat(problem.get("detail").asText()).contains("ISO-8601 duration", "must be one of");

    mvc.perform(get("/api/v1/requests").with(CURATOR).param("waitingLongerThan", "-PT5M"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("waitingLongerThan"));
    mvc.perform(get("/api/v1/requests").with(CURATOR).param("size", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/v1/requests").with(CURATOR).param("page", "x"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"));
  }

  @Test
  void theBoardCarriesNoTextOfThePerson() throws Exception {
    String words = "My neighbour Bohdan knows " + UUID.randomUUID();
    JsonNode created =
        new ApiClient(mvc, json)
            .createRequest(
                json.writeValueAsString(
                    Map.of(
                        "channel", "web",
                        "channelUserId", "board-" + UUID.randomUUID(),
                        "displayName", "Bohdan's neighbour",
                        "age", 44,
                        "message", words)));
    String id = created.get("id").asText();

    String page = mvc.perform(get("/api/v1/requests").with(CURATOR).param("size", "200")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains(id).doesNotContain(words).doesNotContain("Bohdan");
  }

  private UUID stored(String status, String risk, Instant statusChangedAt) {
    UUID contactId = UUID.randomUUID();
    UUID requestId = UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.sql("insert into contact (id, channel, channel_user_id, created_at) values (:id, 'API', :user, :now)")
        .param("id", contactId)
        .param("user", "board-" + contactId)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    // Never dispatched to the engine: the board reads the database only.
    jdbc.sql(
            """
            insert into help_request (id, contact_id, channel, status, risk_level, created_at, updated_at,
                                      status_changed_at, dispatch_not_before, version)
            values (:id, :contact, 'API', :status, :risk, :created, :now, :changed, :never, 0)
            """)
        .param("id", requestId)
        .param("contact", contactId)
        .param("status", status)
        .param("risk", risk)
        .param("created", statusChangedAt.minus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC))
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("changed", statusChangedAt.atOffset(ZoneOffset.UTC))
        .param("never", now.plus(Duration.ofDays(365)).atOffset(ZoneOffset.UTC))
        .update();
    return requestId;
  }

  private JsonNode board(Map<String, String> parameters) throws Exception {
    MockHttpServletRequestBuilder request = get("/api/v1/requests").with(CURATOR);
    parameters.forEach(request::param);
    return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(parameters);
    more.put(name, value);
    return more;
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("content").forEach(request -> ids.add(request.get("id").asText()));
    return ids;
  }

  private static JsonNode row(JsonNode page, UUID id) {
    for (JsonNode request : page.get("content")) {
      if (request.get("id").asText().equals(id.toString())) {
        return request;
      }
    }
    throw new AssertionError("request " + id + " is not on the page");
  }
}
