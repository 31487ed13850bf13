package org.lifeline.orchestrator;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Brings a request to a specialist the way the platform does: a specialist registered by a curator, the person's
 * questionnaire completed through the API, the automatic proposal, and the specialist's acceptance in the task inbox.
 * Tests sharing one platform pick a language and age group no other test's requests have, and pause their
 * specialist when done, so that nobody else's request is assigned to them.
 */
public final class HeldCases {

  private final MockMvc mvc;
  private final ObjectMapper json;
  private final CuratorTasks tasks;

  public HeldCases(MockMvc mvc, ObjectMapper json, CuratorTasks tasks) {
    this.mvc = mvc;
    this.json = json;
    this.tasks = tasks;
  }

  /** Registers a specialist with a console username, one case at a time; returns their id. */
  public String registerSpecialist(String username, String name, String language, String ageGroup) throws Exception {
    return registerSpecialist(username, name, language, ageGroup, 1);
  }

  /** Registers a specialist with a console username who holds up to this many cases at a time; returns their id. */
  public String registerSpecialist(String username, String name, String language, String ageGroup, int maxCases)
      throws Exception {
    Map<String, Object> body =
        Map.of(
            "name", name,
            "username", username,
            "languages", List.of(language),
            "topics", List.of("displacement", "grief"),
            "ageGroups", List.of(ageGroup),
            "timeZone", "Europe/Kyiv",
            "maxCases", maxCases,
            "shifts", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00")));
    String created =
        mvc.perform(
                post("/api/v1/specialists")
                    .with(httpBasic("curator", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(created).get("id").asText();
  }

  public void pause(String specialistId) throws Exception {
    mvc.perform(post("/api/v1/specialists/{id}/pause", specialistId).with(httpBasic("curator", "demo")))
        .andExpect(status().isOk());
  }

  /** Answers every question (an integrator's bot would), naming the language the person wants to be helped in. */
  public void completeQuestionnaire(UUID requestId, String language) throws Exception {
    answer(requestId, "topic", "displacement");
    answer(requestId, "topicDetails", "");
    answer(requestId, "safetyThoughts", "no");
    answer(requestId, "safetyImmediate", "no");
    answer(requestId, "language", language);
    answer(requestId, "contactTime", "evening");
  }

  /** The specialist accepts the case offered to them in the task inbox. */
  public void accept(UUID requestId, String username) {
    new TaskInbox(tasks).acceptCase(requestId, username);
  }

  private void answer(UUID requestId, String questionId, String answer) throws Exception {
    mvc.perform(
            post("/api/v1/requests/{id}/questionnaire/answers", requestId)
                .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("questionId", questionId, "answer", answer))))
        .andExpect(status().isOk());
  }
}
