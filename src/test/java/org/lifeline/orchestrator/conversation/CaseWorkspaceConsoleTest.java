package org.lifeline.orchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.HeldCases;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.platform.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The specialist's console pages under the same rules as the API: only the holder works the case; anyone else is
 * sent back to their own cases and nothing is stored; bad form values are refused with a message; reads are audited.
 */
@PlatformTest
class CaseWorkspaceConsoleTest {

  private static final RequestPostProcessor OTHER_SPECIALIST = user("someone-else").roles(Roles.SPECIALIST);
  private static final RequestPostProcessor ADMIN_ONLY = user("operator").roles(Roles.ADMIN);
  private static final RequestPostProcessor CURATOR = user("curator").roles(Roles.CURATOR);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CuratorTasks tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void onlyTheHolderWorksTheCaseInTheConsoleAndBadValuesStoreNothing() throws Exception {
    ApiClient api = new ApiClient(mvc, json);
    HeldCases cases = new HeldCases(mvc, json, tasks);
    String username = "console-" + UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor holder = user(username).roles(Roles.SPECIALIST);
    String specialistId = cases.registerSpecialist(username, "Console Holder", "en", "SENIOR");
    try {
      String firstWords = "Nobody listens to me " + UUID.randomUUID();
      JsonNode created =
          api.createRequest(json.writeValueAsString(
              Map.of("channel", "web", "channelUserId", "console-" + UUID.randomUUID(), "language", "en", "age", 75, "message", firstWords)));
      UUID id = UUID.fromString(created.get("id").asText());
      api.awaitRequest(id, request -> "QUESTIONNAIRE".equals(request.get("status").asText()));
      cases.completeQuestionnaire(id, "en");
      api.awaitRequest(id, request -> "ASSIGNED".equals(request.get("status").asText()));
      String page = "/console/cases/" + id;

      mvc.perform(get("/console/cases")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/console/login"));
      mvc.perform(get(page).with(holder)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(firstWords)))
          .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"reply-form\""))));
      mvc.perform(get("/console/cases").with(holder)).andExpect(status().isOk())
          .andExpect(content().string(Matchers.containsString("data-request-id=\"" + id + "\"")));

      cases.accept(id, username);
      api.awaitRequest(id, request -> "IN_PROGRESS".equals(request.get("status").asText()));
      mvc.perform(get(page).with(holder)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"reply-form\"")));
      for (RequestPostProcessor outsider : new RequestPostProcessor[] {OTHER_SPECIALIST, ADMIN_ONLY, CURATOR}) {
        mvc.perform(get(page).with(outsider))
            .andExpect(status().is4xxClientError())
            .andExpect(content().string(Matchers.containsString("That case is not open to you.")))
            .andExpect(content().string(Matchers.not(Matchers.containsString(firstWords))));
        mvc.perform(post(page + "/replies").with(outsider).with(csrf()).param("text", "Hello from a stranger"))
            .andExpect(redirectedUrl("/console/cases"));
        mvc.perform(post(page + "/risk-flags").with(outsider).with(csrf()).param("level", "LOW").param("reasonCode", "concern"))
            .andExpect(redirectedUrl("/console/cases"));
        mvc.perform(get(page + "/messages").param("after", "0").with(outsider)).andExpect(status().is4xxClientError());
      }
      mvc.perform(get("/console/cases/rows").with(OTHER_SPECIALIST)).andExpect(status().isOk())
          .andExpect(content().string(Matchers.not(Matchers.containsString(id.toString()))));
      mvc.perform(post(page + "/closure").with(OTHER_SPECIALIST).with(csrf()).param("outcome", "helped"))
          .andExpect(status().is3xxRedirection());
      mvc.perform(post(page + "/replies").with(holder).param("text", "No CSRF token")).andExpect(status().isForbidden());

      JsonNode refusals =
          json.readTree(
              mvc.perform(get("/api/v1/admin/audit").param("requestId", id.toString()).param("refused", "true").param("size", "500")
                      .with(ADMIN_ONLY))
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      List<String> refused = new ArrayList<>();
      refusals.get("content").forEach(entry -> refused.add(entry.get("actor").asText() + " " + entry.get("action").asText()));
      for (String outsider : List.of("someone-else", "operator", "curator")) {
        assertThat(refused)
            .as("the refusals an administrator sees for %s", outsider)
            .contains(
                outsider + " GET /console/cases/{requestId}",
                outsider + " POST /console/cases/{requestId}/replies",
                outsider + " POST /console/cases/{requestId}/risk-flags",
                outsider + " GET /console/cases/{requestId}/messages");
      }
      assertThat(refused).contains("someone-else POST /console/cases/{requestId}/closure");
      refusals.get("content").forEach(entry -> assertThat(entry.get("status").asInt()).isIn(403, 404));
      assertThat(count(
              "select count(*) from access_audit where request_id = ? and actor in ('someone-else', 'operator', 'curator') and status < 400",
              id))
          .as("no refused action recorded as the redirect that answered it")
          .isZero();

      for (String bad : new String[] {"", "   ", "bell\u0007", "nul\u0000", "x".repeat(4001)}) {
        mvc.perform(post(page + "/replies").with(holder).with(csrf()).param("text", bad))
            .andExpect(redirectedUrl(page))
            .andExpect(flash().attribute("replyError", Matchers.startsWith("The reply was not sent")));
      }
      mvc.perform(post(page + "/sessions").with(holder).with(csrf()).param("at", "2026-03-01T10:00").param("durationMinutes", "0"))
          .andExpect(redirectedUrl(page))
          .andExpect(flash().attributeExists("sessionError"));
      mvc.perform(post(page + "/sessions").with(holder).with(csrf()).param("at", "yesterday").param("durationMinutes", "50"))
          .andExpect(status().is4xxClientError());
      mvc.perform(post(page + "/risk-flags").with(holder).with(csrf()).param("level", "EXTREME").param("reasonCode", "concern"))
          .andExpect(flash().attributeExists("flagError"));
      mvc.perform(post(page + "/closure").with(holder).with(csrf()).param("outcome", "cured"))
          .andExpect(flash().attributeExists("closeError"));
      assertThat(count("select count(*) from conversation_message where request_id = ? and kind = 'REPLY'", id)).isZero();
      assertThat(count("select count(*) from care_session where request_id = ?", id)).isZero();
      assertThat(count("select count(*) from escalation_signal where request_id = ?", id)).isZero();
      assertThat(count("select count(*) from care_closure where request_id = ?", id)).isZero();

      mvc.perform(post(page + "/replies").with(holder).with(csrf()).param("text", "Hello, I am here for you.\nWrite whenever you like."))
          .andExpect(redirectedUrl(page))
          .andExpect(flash().attribute("message", Matchers.containsString("on its way")));
      mvc.perform(post(page + "/sessions").with(holder).with(csrf()).param("at", "2026-03-01T10:00").param("durationMinutes", "50").param("note", "first talk"))
          .andExpect(flash().attribute("message", "The session is recorded."));
      mvc.perform(get(page + "/messages").param("after", "0").with(holder)).andExpect(status().isOk())
          .andExpect(content().string(Matchers.containsString("Hello, I am here for you.")));
      assertThat(count(
              "select count(*) from access_audit where request_id = ? and actor = ? and kind = 'READ' and action = 'GET /console/cases/{requestId}/messages'",
              id, username))
          .isOne();
      assertThat(count(
              "select count(*) from access_audit where request_id = ? and kind = 'READ' and action = 'GET /console/cases/{requestId}' and status < 400", id))
          .as("the holder's two page views; nobody else's").isEqualTo(2);
      mvc.perform(post(page + "/risk-flags").with(holder).with(csrf()).param("level", "LOW").param("reasonCode", "concern"))
          .andExpect(redirectedUrl(page))
          .andExpect(flash().attribute("message", "Risk flagged LOW: recorded for review."));
      assertThat(count(
              "select count(*) from escalation_signal where request_id = ? and source = 'flag' and level = 'LOW' and actor = ? and codes like '%concern%'",
              id, username))
          .as("the holder's flag from the case page, as a risk signal")
          .isOne();
      mvc.perform(post(page + "/closure").with(holder).with(csrf()).param("outcome", "referred"))
          .andExpect(redirectedUrl("/console/cases"))
          .andExpect(flash().attribute("message", "The case is closed (referred)."));
      assertThat(count("select count(*) from conversation_message where request_id = ? and kind = 'REPLY'", id)).isOne();
      assertThat(count("select count(*) from care_session where request_id = ?", id)).isOne();
    } finally {
      cases.pause(specialistId);
    }
  }

  private int count(String sql, Object... arguments) {
    return jdbc.queryForObject(sql, Integer.class, arguments);
  }
}
