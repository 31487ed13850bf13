package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Onboarding a team is one file: the specialists' CSV import with {@code ?logins=true} creates the specialists and
 * invites a login for every username without one; the links come back to the administrator, as JSON or as CSV. The
 * specialists it creates are paused afterwards and speak a language no other test's request has.
 */
@PlatformTest
class OnboardingImportTest {

  static final String HEADER = "name,username,email,languages,topics,age_groups,time_zone,max_cases,availability\n";
  static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void fiveHundredVolunteersInOneFileEachWithTheirInvitation() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 6);
    String existing = "kept-" + batch;
    mvc.perform(
            post("/api/v1/admin/staff")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("username", existing, "displayName", "Kept", "roles", List.of("SPECIALIST")))))
        .andExpect(status().isCreated());
    String rows =
        IntStream.range(0, 499)
                .mapToObj(i -> "Volunteer " + i + ",v" + i + "-" + batch + ",v" + i + "-" + batch + "@lifeline.example.org,zu,anxiety,ADULT,Africa/Johannesburg,3,mon-fri 09:00-17:00\n")
                .collect(Collectors.joining())
            + "Kept Person," + existing + ",,zu,grief,ADULT,Africa/Johannesburg,2,sat 10:00-14:00\n";

    JsonNode outcome =
        json.readTree(importCsv(HEADER + rows, ADMIN, MediaType.APPLICATION_JSON).andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString());
    try {
      assertThat(outcome.get("imported").asInt()).isEqualTo(500);
      assertThat(outcome.get("invitations")).hasSize(499);
      assertThat(outcome.get("existingLogins")).extracting(JsonNode::asText).containsExactly(existing);
      JsonNode first = outcome.get("invitations").get(0);
      assertThat(first.get("username").asText()).isEqualTo("v0-" + batch);
      assertThat(first.get("email").asText()).isEqualTo("v0-" + batch + "@lifeline.example.org");
      assertThat(first.get("roles")).extracting(JsonNode::asText).containsExactly("SPECIALIST");
      assertThat(first.at("/invitation/url").asText()).startsWith("http://localhost:8080/console/invitation/");

      String token = StaffTestCalls.tokenOf(first);
      mvc.perform(
              post("/api/v1/staff/invitations/{token}", token)
                .with(StaffTestCalls.anotherAddress())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(json.writeValueAsString(Map.of("password", "blue kite over the hill"))))
          .andExpect(status().isOk());
      mvc.perform(get("/api/v1/cases").with(httpBasic("v0-" + batch, "blue kite over the hill"))).andExpect(status().isOk());
    } finally {
      jdbc.update("update specialist set active = false where username like ?", "%-" + batch);
    }
  }

  @Test
  void theLinksCanComeBackAsACsvFile() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 6);
    String csv =
        HEADER + "\"Smith, Anna\",anna-" + batch + ",anna-" + batch + "@lifeline.example.org,zu,grief,ADULT,UTC,2,mon 09:00-12:00\n";

    String answer =
        importCsv(csv, ADMIN, MediaType.parseMediaType("text/csv")).andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
    try {
      List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(answer)).getRecords();
      assertThat(records).singleElement().satisfies(record -> {
        assertThat(record.get("username")).isEqualTo("anna-" + batch);
        assertThat(record.get("name")).isEqualTo("Smith, Anna");
        assertThat(record.get("email")).isEqualTo("anna-" + batch + "@lifeline.example.org");
        assertThat(record.get("invitation_url")).startsWith("http://localhost:8080/console/invitation/");
        assertThat(record.get("expires_at")).isNotBlank();
      });
    } finally {
      jdbc.update("update specialist set active = false where username like ?", "%-" + batch);
    }
  }

  @Test
  void onlyAdministratorsCreateLoginsAndABadRowStopsTheWholeFile() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 6);
    long accounts = jdbc.queryForObject("select count(*) from staff_account", Long.class);
    long specialists = jdbc.queryForObject("select count(*) from specialist", Long.class);
    String good = "Good One,good-" + batch + ",,zu,grief,ADULT,UTC,2,mon 09:00-12:00\n";

    importCsv(HEADER + good, httpBasic("curator", "demo"), MediaType.APPLICATION_JSON).andExpect(status().isForbidden());
    JsonNode rejected =
        json.readTree(
            importCsv(
                    HEADER + good
                        + "No Login,,,zu,grief,ADULT,UTC,2,mon 09:00-12:00\n"
                        + "Bad Mail,bad-" + batch + ",not-an-address,zu,grief,ADULT,UTC,2,mon 09:00-12:00\n"
                        + "Upper,Upper.Case,,zu,grief,ADULT,UTC,2,mon 09:00-12:00\n",
                    ADMIN,
                    MediaType.APPLICATION_JSON)
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString());

    assertThat(rejected.get("rejected")).extracting(row -> row.get("line").asInt()).containsExactly(3, 4, 5);
    assertThat(rejected.at("/rejected/0/errors/0/field").asText()).isEqualTo("username");
    assertThat(rejected.at("/rejected/1/errors/0/field").asText()).isEqualTo("email");
    assertThat(rejected.at("/rejected/2/errors/0/field").asText()).isEqualTo("username");
    assertThat(jdbc.queryForObject("select count(*) from staff_account", Long.class)).isEqualTo(accounts);
    assertThat(jdbc.queryForObject("select count(*) from specialist", Long.class)).isEqualTo(specialists);
  }

  private ResultActions importCsv(String csv, RequestPostProcessor who, MediaType accept) throws Exception {
    return mvc.perform(
        post("/api/v1/specialists/import")
            .param("logins", "true")
            .with(who)
            .contentType(MediaType.parseMediaType("text/csv"))
            .accept(accept)
            .content(csv));
  }

}
