package org.lifeline.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.audit.AccessAudit;
import org.lifeline.orchestrator.audit.AccessAuditEntry;
import org.lifeline.orchestrator.audit.AccessKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The report endpoints over HTTP on the whole platform: who may call them, bad parameters, the export and its audit. */
@PlatformTest
class ReportApiTest {

  static final RequestPostProcessor SUPERVISOR = httpBasic("supervisor", "demo");
  static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired AccessAudit audit;
  @Autowired Clock clock;
  @Autowired ReportFacts facts;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void supervisorsAndAdminsReadReportsNobodyElseDoes() throws Exception {
    mvc.perform(get("/api/v1/reports/summary").with(SUPERVISOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.period.groupBy").value("day"))
        .andExpect(jsonPath("$.groups.length()").value(30));
    mvc.perform(get("/api/v1/reports/summary").with(ADMIN)).andExpect(status().isOk());
    for (String staff : new String[] {"curator", "specialist"}) {
      mvc.perform(get("/api/v1/reports/summary").with(httpBasic(staff, "demo"))).andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/reports/requests.csv").with(httpBasic(staff, "demo"))).andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/v1/reports/summary").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/reports/requests.csv").header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/reports/summary")).andExpect(status().isUnauthorized());
    mvc.perform(get("/console/reports").with(user("curator").roles("CURATOR"))).andExpect(status().isForbidden());
  }

  @Test
  void badParametersAreProblemsNamingTheField() throws Exception {
    Map<String, String> problems =
        Map.of(
            "from=2026-03-10&to=2026-03-01", "from",
            "groupBy=year", "groupBy",
            "from=2023-12-01&to=2026-01-01", "to",
            "from=1st+of+March", "from");
    for (Map.Entry<String, String> problem : problems.entrySet()) {
      mvc.perform(get("/api/v1/reports/summary?" + problem.getKey()).with(SUPERVISOR))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value(problem.getValue()));
    }
    mvc.perform(get("/api/v1/reports/requests.csv?from=2026-03-10&to=2026-03-01").with(SUPERVISOR))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
  }

  @Test
  void aRequestTakenInCountsAndNothingItCarriesIsShown() throws Exception {
    String marker = "REPORT-MARKER-" + UUID.randomUUID();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    facts.refresh();
    JsonNode before = summary(today);
    JsonNode created =
        new ApiClient(mvc, json)
            .createRequest(
                json.writeValueAsString(
                    Map.of("channel", "email", "channelUserId", marker, "displayName", marker, "message", marker + " I need help", "age", 97)));

    assertThat(summary(today).at("/requests/total").asLong())
        .as("a summary reads the facts as of the last background refresh, it never refreshes them itself")
        .isEqualTo(before.at("/requests/total").asLong());
    facts.refresh();
    JsonNode after = summary(today);
    String csv = export(today, SUPERVISOR);

    assertThat(after.at("/requests/total").asLong()).isEqualTo(before.at("/requests/total").asLong() + 1);
    assertThat(after.at("/requests/byChannel/email").asLong()).isEqualTo(before.at("/requests/byChannel/email").asLong() + 1);
    assertThat(after.at("/requests/byAgeGroup/senior").asLong()).isEqualTo(before.at("/requests/byAgeGroup/senior").asLong() + 1);
    assertThat(csv.lines().filter(line -> line.contains(",email,")).count()).isGreaterThanOrEqualTo(1);
    for (String shown : new String[] {after.toString(), csv}) {
      assertThat(shown)
          .doesNotContain(marker)
          .doesNotContain(created.get("id").asText())
          .doesNotContain(created.get("contactId").asText());
    }
  }

  @Test
  void whileTheFactsAreBuiltForTheFirstTimeASummaryIsAServiceUnavailableProblem() throws Exception {
    facts.refresh();
    // The first build runs in the background; a database with no facts yet whose build cannot take the facts' lock
    // (held here, as another replica's build would) cannot answer within the first build's wait.
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    transaction.executeWithoutResult(
        status -> {
          jdbc.update("update report_refresh set as_of = null where id = 'requests'");
          try {
            mvc.perform(get("/api/v1/reports/summary").with(SUPERVISOR))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", String.valueOf(ReportsNotReady.RETRY_AFTER_SECONDS)))
                .andExpect(jsonPath("$.detail").value(containsString("being prepared for the first time")));
            assertThat(
                    mvc.perform(get("/console/reports").with(user("supervisor").roles("SUPERVISOR")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"report-not-ready\"", "being prepared for the first time")
                .doesNotContain("report-data");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          status.setRollbackOnly();
        });
    mvc.perform(get("/api/v1/reports/summary").with(SUPERVISOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.asOf").isNotEmpty());
  }

  @Test
  void anExportIsRecordedInTheAccessAuditAsAnAction() throws Exception {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

    String csv = export(today, ADMIN);

    assertThat(csv.lines().findFirst()).hasValue(String.join(",", RequestExport.HEADER));
    AccessAuditEntry entry = audit.find("admin", null, null, null, null, 0, 50).getContent().stream()
        .filter(found -> found.getAction().equals(ReportController.EXPORT_ROUTE))
        .findFirst()
        .orElseThrow();
    assertThat(entry.getKind()).isEqualTo(AccessKind.ACTION);
    assertThat(entry.getSubject()).isEqualTo("from=" + today.minusDays(29) + ",to=" + today);
    assertThat(entry.getRequestId()).isNull();
  }

  @Test
  void theConsolePageShowsTheSummaryOrWhatIsWrongWithThePeriod() throws Exception {
    String page =
        mvc.perform(get("/console/reports?groupBy=week").with(user("supervisor").roles("SUPERVISOR")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"chart-groups\"", "id=\"report-data\"", "echarts-5.3.1/echarts.min.js", "/console/assets/reports.js");
    assertThat(page).doesNotContain("<script>").doesNotContain("onclick");

    String refused =
        mvc.perform(get("/console/reports?from=2026-03-10&to=2026-03-01").with(user("admin").roles("ADMIN")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("role=\"alert\"", "from must not be after to").doesNotContain("report-data");

    MvcResult started =
        mvc.perform(get("/console/reports/requests.csv").with(user("supervisor").roles("SUPERVISOR")))
            .andExpect(request().asyncStarted())
            .andReturn();
    mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andExpect(content().contentType("text/csv;charset=UTF-8"));
    assertThat(audit.find("supervisor", null, null, null, null, 0, 50).getContent())
        .extracting(AccessAuditEntry::getAction)
        .contains(ReportConsoleController.EXPORT_ROUTE);
  }

  @Test
  void theChartLibraryIsServedByThePlatform() throws Exception {
    mvc.perform(get(ReportAssets.ECHARTS_PATH + "echarts.min.js"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", containsString("immutable")));
  }

  JsonNode summary(LocalDate day) throws Exception {
    String body =
        mvc.perform(get("/api/v1/reports/summary?from={day}&to={day}", day, day).with(SUPERVISOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  String export(LocalDate to, RequestPostProcessor caller) throws Exception {
    MvcResult started =
        mvc.perform(get("/api/v1/reports/requests.csv?to={to}", to).with(caller)).andExpect(request().asyncStarted()).andReturn();
    return mvc.perform(asyncDispatch(started))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"requests-" + to.minusDays(29) + "-to-" + to + ".csv\""))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
