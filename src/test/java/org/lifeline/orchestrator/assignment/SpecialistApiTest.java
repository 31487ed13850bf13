package org.lifeline.orchestrator.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The specialist API: who may use it, validation, and the CSV upload. */
@PlatformTest
class SpecialistApiTest {

  static final RequestPostProcessor CURATOR = httpBasic("curator", "demo");
  static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");
  static final RequestPostProcessor SPECIALIST = httpBasic("specialist", "demo");
  static final RequestPostProcessor SUPERVISOR = httpBasic("supervisor", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  /**
   * A specialist in languages the questionnaire does not offer: in the shared platform they are never
   * proposed for (and never take the capacity of) other tests' requests.
   */
  static String body(String name, String username, int maxCases) {
    return """
        {"name":"%s","username":%s,"languages":["fi","de"],"topics":["grief"],"ageGroups":["ADULT","SENIOR"],
         "timeZone":"Europe/Kyiv","maxCases":%d,
         "shifts":[{"day":"MONDAY","start":"09:00","end":"17:00"},{"day":"SUNDAY","start":"22:00","end":"02:00"}]}
        """
        .formatted(name, username == null ? "null" : "\"" + username + "\"", maxCases);
  }

  JsonNode create(String body) throws Exception {
    String response =
        mvc.perform(post("/api/v1/specialists").with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/specialists/")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(response);
  }

  @Test
  void aCuratorRegistersChangesPausesAndResumesASpecialist() throws Exception {
    String username = "api-" + UUID.randomUUID();
    JsonNode created = create(body("Iryna Bondar", username, 4));
    String id = created.get("id").asText();
    assertThat(created.get("active").asBoolean()).isTrue();
    assertThat(created.get("activeCases").asInt()).isZero();
    assertThat(created.get("shifts").toString())
        .contains("{\"day\":\"MONDAY\",\"start\":\"00:00\",\"end\":\"02:00\"}")
        .contains("{\"day\":\"SUNDAY\",\"start\":\"22:00\",\"end\":\"24:00\"}");

    mvc.perform(put("/api/v1/specialists/{id}", id).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content(body("Iryna Bondar-Shevchenko", username, 6)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Iryna Bondar-Shevchenko"))
        .andExpect(jsonPath("$.maxCases").value(6))
        .andExpect(jsonPath("$.createdAt").value(created.get("createdAt").asText()));

    mvc.perform(post("/api/v1/specialists/{id}/pause", id).with(CURATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false));
    mvc.perform(get("/api/v1/specialists").param("active", "false").param("language", "fi").with(CURATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[?(@.id == '%s')]".formatted(id)).exists());
    mvc.perform(post("/api/v1/specialists/{id}/resume", id).with(CURATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(true));
    mvc.perform(get("/api/v1/specialists/{id}", id).with(CURATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.languages[0]").value("de"))
        .andExpect(jsonPath("$.languages[1]").value("fi"))
        .andExpect(jsonPath("$.ageGroups[0]").value("ADULT"))
        .andExpect(jsonPath("$.timeZone").value("Europe/Kyiv"));
  }

  @Test
  void listsSpecialistsPagedAndFiltered() throws Exception {
    String language = "ka";
    for (int i = 0; i < 3; i++) {
      create(body("Georgian " + i, null, 2).replace("[\"fi\",\"de\"]", "[\"" + language + "\"]"));
    }

    mvc.perform(get("/api/v1/specialists").param("language", language).param("topic", "grief").param("size", "2")
            .with(CURATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content.length()").value(2))
        .andExpect(jsonPath("$.content[0].name").value("Georgian 0"))
        .andExpect(jsonPath("$.totalElements").value(3))
        .andExpect(jsonPath("$.totalPages").value(2));
    mvc.perform(get("/api/v1/specialists").param("language", language).param("topic", "trauma").with(CURATOR))
        .andExpect(jsonPath("$.totalElements").value(0));
  }

  @Test
  void invalidInputIsAProblemNamingEveryField() throws Exception {
    String invalid =
        """
        {"name":" ","languages":["english"],"topics":["sadness"],"ageGroups":[],"timeZone":"Mars/Olympus",
         "maxCases":0,"shifts":[{"day":"MONDAY","start":"9am","end":"25:00"}]}
        """;

    mvc.perform(post("/api/v1/specialists").with(CURATOR).contentType(MediaType.APPLICATION_JSON).content(invalid))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field =~ /languages.*/)]").exists())
        .andExpect(jsonPath("$.errors[?(@.field =~ /topics.*/)]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'ageGroups')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'timeZone')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'maxCases')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'shifts[0].start')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'shifts[0].end')]").exists());
    mvc.perform(post("/api/v1/specialists").with(CURATOR).contentType(MediaType.APPLICATION_JSON)
            .content(body("A", null, 2).replace("\"ADULT\"", "\"CHILD\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", org.hamcrest.Matchers.startsWith("ageGroups")));
  }

  @Test
  void aUsernameBelongsToOneSpecialist() throws Exception {
    String username = "dup-" + UUID.randomUUID();
    String other = create(body("First", null, 2)).get("id").asText();
    create(body("Second", username, 2));

    mvc.perform(post("/api/v1/specialists").with(CURATOR).contentType(MediaType.APPLICATION_JSON)
            .content(body("Third", username, 2)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("username"));
    mvc.perform(put("/api/v1/specialists/{id}", other).with(CURATOR).contentType(MediaType.APPLICATION_JSON)
            .content(body("First", username, 2)))
        .andExpect(status().isConflict());
  }

  @Test
  void anUnknownSpecialistIsNotFound() throws Exception {
    mvc.perform(get("/api/v1/specialists/{id}", UUID.randomUUID()).with(CURATOR))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/v1/specialists/{id}/pause", UUID.randomUUID()).with(CURATOR)).andExpect(status().isNotFound());
  }

  @Test
  void onlyCuratorsAndAdminsManageSpecialists() throws Exception {
    String id = create(body("Managed", null, 2)).get("id").asText();
    MockHttpServletRequestBuilder[] management = {
      post("/api/v1/specialists").contentType(MediaType.APPLICATION_JSON).content(body("X", null, 2)),
      get("/api/v1/specialists/{id}", id),
      get("/api/v1/specialists"),
      put("/api/v1/specialists/{id}", id).contentType(MediaType.APPLICATION_JSON).content(body("X", null, 2)),
      post("/api/v1/specialists/{id}/pause", id),
      post("/api/v1/specialists/{id}/resume", id),
      post("/api/v1/specialists/import").contentType("text/csv").content(SpecialistCsvImportTest.HEADER)
    };
    for (MockHttpServletRequestBuilder request : management) {
      mvc.perform(request.with(SPECIALIST)).andExpect(status().isForbidden());
      mvc.perform(request.with(SUPERVISOR)).andExpect(status().isForbidden());
      mvc.perform(request.header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)).andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/v1/specialists/{id}", id)).andExpect(status().isUnauthorized());
  }

  @Test
  void importsACsvBodyOrUploadedFileAndReportsRejectedRows() throws Exception {
    String good =
        SpecialistCsvImportTest.HEADER
            + "Csv One,,fi,anxiety,ADULT,Europe/Kyiv,3,mon-fri 09:00-17:00\n"
            + "Csv Two,,fi;de,grief,SENIOR,Europe/Kyiv,2,sat 10:00-14:00\n";
    mvc.perform(post("/api/v1/specialists/import").with(CURATOR).contentType("text/csv").content(good))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(2));

    MockMultipartFile file =
        new MockMultipartFile("file", "specialists.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/api/v1/specialists/import").file(file).with(ADMIN))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(2));

    String bad = good + "Csv Three,,fi,anxiety,ADULT,Europe/Kyiv,lots,mon 09:00-17:00\n";
    mvc.perform(post("/api/v1/specialists/import").with(CURATOR).contentType("text/csv").content(bad))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.rows").value(3))
        .andExpect(jsonPath("$.rejected[0].line").value(4))
        .andExpect(jsonPath("$.rejected[0].errors[0].field").value("max_cases"))
        .andExpect(jsonPath("$.rejected[0].errors[0].message").value("'lots' is not a whole number"));

    mvc.perform(post("/api/v1/specialists/import").with(CURATOR).contentType("text/csv").content("name\nA\n"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
