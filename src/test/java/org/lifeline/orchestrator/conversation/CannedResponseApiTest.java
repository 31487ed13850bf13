package org.lifeline.orchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Canned responses: a starter set per language, read by staff, kept by curators and supervisors, input checked. */
@PlatformTest
class CannedResponseApiTest {

  private static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  private static final RequestPostProcessor SUPERVISOR = httpBasic("supervisor", "demo");
  private static final RequestPostProcessor SPECIALIST = httpBasic("specialist", "demo");
  private static final RequestPostProcessor ADMIN_ONLY = user("operator").roles(Roles.ADMIN);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theStarterSetCoversEveryLanguageAndPurpose() throws Exception {
    for (String language : new String[] {"en", "ru", "uk"}) {
      JsonNode list = body(mvc.perform(get("/api/v1/canned-responses").param("language", language).with(SPECIALIST)).andExpect(status().isOk()));
      Set<String> categories = new HashSet<>();
      list.get("responses").forEach(response -> {
        assertThat(response.get("language").asText()).isEqualTo(language);
        assertThat(response.get("text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
        categories.add(response.get("category").asText());
      });
      assertThat(categories).as(language).contains("first-contact", "scheduling", "check-in", "closing");
    }
  }

  @Test
  void curatorsAndSupervisorsKeepThemOthersOnlyReadThem() throws Exception {
    String title = "Test " + UUID.randomUUID().toString().substring(0, 8);
    String created =
        mvc.perform(post("/api/v1/canned-responses").with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(body("uk", "scheduling", title, "Чи зручно вам [день]?")))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andExpect(jsonPath("$.updatedBy").value("curator"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.readTree(created).get("id").asText();
    mvc.perform(get("/api/v1/canned-responses").param("language", "uk").with(SPECIALIST))
        .andExpect(jsonPath("$.responses[?(@.id == '" + id + "')].title").value(title));

    mvc.perform(put("/api/v1/canned-responses/{id}", id).with(SUPERVISOR).contentType(MediaType.APPLICATION_JSON).content(body("uk", "scheduling", title, "Чи зручно вам [день] о [час]?")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.text").value("Чи зручно вам [день] о [час]?"))
        .andExpect(jsonPath("$.updatedBy").value("supervisor"));

    for (RequestPostProcessor notAllowed : new RequestPostProcessor[] {SPECIALIST, ADMIN_ONLY}) {
      mvc.perform(post("/api/v1/canned-responses").with(notAllowed).contentType(MediaType.APPLICATION_JSON).content(body("en", "other", "x", "y")))
          .andExpect(status().isForbidden());
      mvc.perform(put("/api/v1/canned-responses/{id}", id).with(notAllowed).contentType(MediaType.APPLICATION_JSON).content(body("en", "other", "x", "y")))
          .andExpect(status().isForbidden());
      mvc.perform(delete("/api/v1/canned-responses/{id}", id).with(notAllowed)).andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/v1/canned-responses").with(ADMIN_ONLY)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/canned-responses").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/canned-responses").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .contentType(MediaType.APPLICATION_JSON).content(body("en", "other", "x", "y")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/canned-responses")).andExpect(status().isUnauthorized());

    mvc.perform(delete("/api/v1/canned-responses/{id}", id).with(CURATOR)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/canned-responses/{id}", id).with(SPECIALIST)).andExpect(status().isNotFound()).andExpect(problem());
    mvc.perform(delete("/api/v1/canned-responses/{id}", id).with(CURATOR)).andExpect(status().isNotFound());
  }

  @Test
  void hostileInputIsRefusedAndNothingIsStored() throws Exception {
    Integer before = jdbc.queryForObject("select count(*) from canned_response", Integer.class);
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("unknown language", body("english", "other", "t", "x"));
    bodies.put("unknown category", body("en", "spam", "t", "x"));
    bodies.put("empty title", body("en", "other", "", "x"));
    bodies.put("title on two lines", body("en", "other", "one\ntwo", "x"));
    bodies.put("title too long", body("en", "other", "t".repeat(101), "x"));
    bodies.put("empty text", body("en", "other", "t", " "));
    bodies.put("text too long", body("en", "other", "t", "x".repeat(2001)));
    bodies.put("control character", body("en", "other", "t", "bad\u0000"));
    bodies.put("number for text", "{\"language\":\"en\",\"category\":\"other\",\"title\":\"t\",\"text\":42}");
    bodies.put("array for language", "{\"language\":[\"en\"],\"category\":\"other\",\"title\":\"t\",\"text\":\"x\"}");
    bodies.put("boolean for title", "{\"language\":\"en\",\"category\":\"other\",\"title\":false,\"text\":\"x\"}");
    bodies.put("missing fields", "{}");
    bodies.put("not JSON", "language=en");
    for (Map.Entry<String, String> bad : bodies.entrySet()) {
      mvc.perform(post("/api/v1/canned-responses").with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(bad.getValue()))
          .andExpect(status().isBadRequest())
          .andExpect(problem());
    }
    assertThat(jdbc.queryForObject("select count(*) from canned_response", Integer.class)).isEqualTo(before);

    // The same bodies replacing an existing response: refused, and it stays as it was.
    String title = "Kept " + UUID.randomUUID().toString().substring(0, 8);
    String id =
        body(mvc.perform(post("/api/v1/canned-responses").with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(body("en", "closing", title, "Take care.")))
                .andExpect(status().isCreated()))
            .get("id").asText();
    Map<String, Object> stored = jdbc.queryForMap("select * from canned_response where id = ?", UUID.fromString(id));
    for (Map.Entry<String, String> bad : bodies.entrySet()) {
      mvc.perform(put("/api/v1/canned-responses/{id}", id).with(SUPERVISOR).contentType(MediaType.APPLICATION_JSON).content(bad.getValue()))
          .andExpect(status().isBadRequest())
          .andExpect(problem());
    }
    mvc.perform(put("/api/v1/canned-responses/{id}", id).contentType(MediaType.APPLICATION_JSON).content(body("en", "closing", title, "Changed by nobody")))
        .andExpect(status().isUnauthorized())
        .andExpect(problem());
    mvc.perform(delete("/api/v1/canned-responses/{id}", id)).andExpect(status().isUnauthorized()).andExpect(problem());
    assertThat(jdbc.queryForMap("select * from canned_response where id = ?", UUID.fromString(id)))
        .as("hostile and anonymous changes left it as it was")
        .isEqualTo(stored);
    mvc.perform(delete("/api/v1/canned-responses/{id}", id).with(CURATOR)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/canned-responses").param("language", "e1").with(SPECIALIST)).andExpect(status().isBadRequest()).andExpect(problem());
    mvc.perform(put("/api/v1/canned-responses/{id}", "not-an-id").with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(body("en", "other", "t", "x")))
        .andExpect(status().isBadRequest());
    mvc.perform(put("/api/v1/canned-responses/{id}", UUID.randomUUID()).with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(body("en", "other", "t", "x")))
        .andExpect(status().isNotFound());
    assertThat(jdbc.queryForObject("select count(*) from canned_response", Integer.class)).isEqualTo(before);
  }

  private String body(String language, String category, String title, String text) throws Exception {
    return json.writeValueAsString(Map.of("language", language, "category", category, "title", title, "text", text));
  }

  private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private static org.springframework.test.web.servlet.ResultMatcher problem() {
    return content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
