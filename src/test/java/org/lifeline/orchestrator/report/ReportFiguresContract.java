package org.lifeline.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.lifeline.orchestrator.request.RequestStatus.ABANDONED;
import static org.lifeline.orchestrator.request.RequestStatus.ASSIGNED;
import static org.lifeline.orchestrator.request.RequestStatus.AWAITING_ASSIGNMENT;
import static org.lifeline.orchestrator.request.RequestStatus.CLOSED;
import static org.lifeline.orchestrator.request.RequestStatus.CURATOR_REVIEW;
import static org.lifeline.orchestrator.request.RequestStatus.FEEDBACK;
import static org.lifeline.orchestrator.request.RequestStatus.IN_PROGRESS;
import static org.lifeline.orchestrator.request.RequestStatus.QUALIFYING;
import static org.lifeline.orchestrator.request.RequestStatus.QUESTIONNAIRE;
import static org.lifeline.orchestrator.request.RequestStatus.REDIRECTED_MINOR;
import static org.lifeline.orchestrator.request.RequestStatus.REJECTED;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.platform.crypto.FieldEncryptor;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure of the summary and every column of the export, computed on a known set of requests. Runs on H2 and on
 * PostgreSQL ({@link ReportFiguresOnH2Test}, {@link ReportFiguresOnPostgresTest}).
 *
 * <p>Eight requests in the two weeks from Monday 2 March 2026, and two outside it (1 March 23:59:59 and 20 March):
 *
 * <pre>
 * R1 telegram uk 30  anxiety       assigned after 1 h, first reply after 4600 s, helped after 1 d, feedback 5, CLOSED after 3 d
 * R2 web ru/en 22    grief         ASSIGNED after 2 h (open); escalation reviewed in 900 s after the backup was alerted
 * R3 telegram uk 15                REDIRECTED_MINOR
 * R4 api en 40                     curator review, REJECTED
 * R5 email ru 70     trauma        curator review accepted, ABANDONED in the questionnaire      (second week from here)
 * R6 telegram - -                  QUALIFYING (open)
 * R7 web uk/ru 35    other         assigned after 3 h, first reply after 12600 s, referred after 2 d (CLOSED); escalation
 *                                  reviewed in 300 s
 * R8 telegram uk 50  displacement  assigned after 30 min, first reply after 2400 s, helped after 5 d, FEEDBACK (asked, no
 *                                  answer); escalation open
 * </pre>
 */
@Import({ReportFacts.class, ReportSummaries.class, RequestExport.class, ReportFiguresContract.Wiring.class})
@Transactional // on the contract: the subclass's @DataJpaTest does not reach inherited test methods
abstract class ReportFiguresContract {

  /** In every personal field of the data set: names, handles, texts, notes, comments, staff usernames. */
  static final String MARKER = "MARKER-7f3a";

  static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
  static final ReportPeriod TWO_WEEKS =
      new ReportPeriod(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-15"), Grouping.WEEK);

  @TestConfiguration(proxyBeanMethods = false)
  static class Wiring {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired FieldEncryptor encryptor;
  @Autowired ReportFacts facts;
  @Autowired ReportSummaries summaries;
  @Autowired RequestExport export;

  ReportData data;
  ReportData.Request stillQualifying;
  Summary summary;

  @BeforeEach
  void knownRequests() {
    data = new ReportData(jdbc, encryptor, MARKER);
    Instant t = MONDAY;
    data.request("TELEGRAM", 30, "uk", t)
        .status(QUALIFYING, t.plusSeconds(1))
        .status(QUESTIONNAIRE, t.plusSeconds(10))
        .answer("topic", "anxiety", t.plusSeconds(20))
        .answer("language", "uk", t.plusSeconds(30))
        .status(AWAITING_ASSIGNMENT, t.plusSeconds(600))
        .status(ASSIGNED, t.plusSeconds(3600))
        .status(IN_PROGRESS, t.plusSeconds(4000))
        .reply(t.plusSeconds(90000))
        .reply(t.plusSeconds(4600))
        .caseClosed("helped", t.plus(days(1)))
        .status(FEEDBACK, t.plus(days(1)).plusSeconds(5))
        .feedback(t.plus(days(1)), t.plus(days(2)), 5, t.plus(days(2)).plusSeconds(600))
        .status(CLOSED, t.plus(days(3)));
    t = MONDAY.plus(days(1));
    data.request("WEB", 22, "ru", t)
        .status(QUALIFYING, t.plusSeconds(1))
        .status(QUESTIONNAIRE, t.plusSeconds(10))
        .answer("topic", "grief", t.plusSeconds(20))
        .answer("language", "en", t.plusSeconds(30))
        .status(AWAITING_ASSIGNMENT, t.plusSeconds(900))
        .status(ASSIGNED, t.plusSeconds(7200))
        .risk(RiskLevel.LOW)
        .escalation(t.plusSeconds(200), t.plusSeconds(500), t.plusSeconds(1100), "false-alarm");
    t = MONDAY.plus(days(2));
    data.request("TELEGRAM", 15, "uk", t).status(QUALIFYING, t.plusSeconds(1)).status(REDIRECTED_MINOR, t.plusSeconds(3));
    t = MONDAY.plus(days(3));
    data.request("API", 40, "en", t)
        .status(QUALIFYING, t.plusSeconds(1))
        .status(CURATOR_REVIEW, t.plusSeconds(2))
        .status(REJECTED, t.plusSeconds(1800));
    t = MONDAY.plus(days(7));
    data.request("EMAIL", 70, "ru", t)
        .status(QUALIFYING, t.plusSeconds(1))
        .status(CURATOR_REVIEW, t.plusSeconds(2))
        .status(QUESTIONNAIRE, t.plusSeconds(900))
        .answer("topic", "trauma", t.plusSeconds(920))
        .status(ABANDONED, t.plus(Duration.ofHours(48)).plusSeconds(930));
    t = MONDAY.plus(days(8));
    stillQualifying = data.request("TELEGRAM", null, null, t).status(QUALIFYING, t.plusSeconds(1));
    t = MONDAY.plus(days(8)).plusSeconds(3600);
    data.request("WEB", 35, "uk", t)
        .status(QUALIFYING, t.plusSeconds(1))
        .status(QUESTIONNAIRE, t.plusSeconds(10))
        .answer("topic", "other", t.plusSeconds(20))
        .answer("language", "ru", t.plusSeconds(30))
        .status(AWAITING_ASSIGNMENT, t.plusSeconds(1200))
        .status(ASSIGNED, t.plusSeconds(10800))
        .status(IN_PROGRESS, t.plusSeconds(11000))
        .reply(t.plusSeconds(12600))
        .caseClosed("referred", t.plus(days(2)))
        .status(CLOSED, t.plus(days(2)).plusSeconds(2))
        .risk(RiskLevel.HIGH)
        .escalation(t.plusSeconds(100), null, t.plusSeconds(400), "contacted-person");
    t = MONDAY.plus(days(9));
    data.request("TELEGRAM", 50, "uk", t)
        .status(QUALIFYING, t.plusSeconds(1))
        .status(QUESTIONNAIRE, t.plusSeconds(10))
        .answer("topic", "displacement", t.plusSeconds(20))
        .status(AWAITING_ASSIGNMENT, t.plusSeconds(300))
        .status(ASSIGNED, t.plusSeconds(1800))
        .status(IN_PROGRESS, t.plusSeconds(2000))
        .reply(t.plusSeconds(2400))
        .caseClosed("helped", t.plus(days(5)))
        .status(FEEDBACK, t.plus(days(5)).plusSeconds(5))
        .feedback(t.plus(days(5)), t.plus(days(6)), null, null)
        .risk(RiskLevel.MEDIUM)
        .escalation(t.plusSeconds(50), null, null, null);
    Instant before = Instant.parse("2026-03-01T23:59:59Z");
    data.request("TELEGRAM", 30, "uk", before).status(QUALIFYING, before.plusSeconds(1));
    Instant after = Instant.parse("2026-03-20T10:00:00Z");
    data.request("TELEGRAM", 30, "uk", after)
        .status(QUALIFYING, after.plusSeconds(1))
        .escalation(after.plusSeconds(60), null, after.plusSeconds(120), "false-alarm");
    data.flush();
    summary = summaries.summarise(TWO_WEEKS, facts.refresh());
  }

  static Duration days(int days) {
    return Duration.ofDays(days);
  }

  @Test
  void requestsByWhatTheyCameWithAndWhereTheyStand() {
    Summary.Requests requests = summary.requests();
    assertThat(requests.total()).isEqualTo(8);
    assertThat(requests.open()).isEqualTo(3);
    assertThat(requests.byChannel()).containsExactly(entry("telegram", 4L), entry("web", 2L), entry("api", 1L), entry("email", 1L), entry("chat", 0L));
    // The questionnaire's preferred language wins over the language of intake (R2 en, R7 ru).
    assertThat(requests.byLanguage()).containsExactly(entry("uk", 3L), entry("en", 2L), entry("ru", 2L), entry("unknown", 1L));
    assertThat(requests.byTopic())
        .containsExactly(
            entry("anxiety", 1L), entry("displacement", 1L), entry("grief", 1L), entry("relationships", 0L),
            entry("trauma", 1L), entry("other", 1L), entry("unknown", 3L));
    assertThat(requests.byAgeGroup())
        .containsExactly(entry("minor", 1L), entry("young-adult", 1L), entry("adult", 4L), entry("senior", 1L), entry("unknown", 1L));
    assertThat(requests.byRiskLevel()).containsExactly(entry("NONE", 5L), entry("LOW", 1L), entry("MEDIUM", 1L), entry("HIGH", 1L));
    assertThat(requests.byStatus())
        .containsExactly(
            entry("RECEIVED", 0L), entry("QUALIFYING", 1L), entry("CURATOR_REVIEW", 0L), entry("QUESTIONNAIRE", 0L),
            entry("AWAITING_ASSIGNMENT", 0L), entry("ASSIGNED", 1L), entry("IN_PROGRESS", 0L), entry("FEEDBACK", 1L),
            entry("CLOSED", 2L), entry("REDIRECTED_MINOR", 1L), entry("REJECTED", 1L), entry("ABANDONED", 1L));
  }

  @Test
  void funnelShowsHowFarRequestsGotAndWhereTheyStopped() {
    Map<String, Long> none = Map.of("REDIRECTED_MINOR", 0L, "REJECTED", 0L, "ABANDONED", 0L, "CLOSED", 0L);
    assertThat(summary.funnel())
        .containsExactly(
            new Summary.Stage("intake", 8, 0, 0, none),
            new Summary.Stage("qualification", 8, 1, 2, Map.of("REDIRECTED_MINOR", 1L, "REJECTED", 1L, "ABANDONED", 0L, "CLOSED", 0L)),
            new Summary.Stage("questionnaire", 5, 0, 1, Map.of("REDIRECTED_MINOR", 0L, "REJECTED", 0L, "ABANDONED", 1L, "CLOSED", 0L)),
            new Summary.Stage("assignment", 4, 1, 0, none),
            new Summary.Stage("care", 3, 0, 0, none),
            new Summary.Stage("feedback", 2, 1, 0, none));
    assertThat(summary.completed()).isEqualTo(2);
  }

  @Test
  void waitsFromIntakeAreMediansAndNinetiethPercentiles() {
    assertThat(summary.waits())
        .containsExactly(
            // 1800, 3600, 7200, 10800 s
            new Summary.Wait("intakeToAssignment", 4, 5400.0, 9720.0),
            // the first of each case's replies: 2400, 4600, 12600 s
            new Summary.Wait("intakeToFirstReply", 3, 4600.0, 11000.0),
            // 1, 2 and 5 days
            new Summary.Wait("intakeToCaseClosed", 3, 172800.0, 380160.0),
            // 2 days 2 s, 3 days
            new Summary.Wait("intakeToClosed", 2, 216001.0, 250560.2));
  }

  @Test
  void qualificationQuestionnaireOutcomesAndFeedback() {
    assertThat(summary.qualification()).isEqualTo(new Summary.Qualification(1, 2, 1, 1, 0));
    assertThat(summary.questionnaire()).isEqualTo(new Summary.Questionnaire(5, 4, 1, 0));
    assertThat(summary.outcomes())
        .containsExactly(entry("helped", 2L), entry("referred", 1L), entry("no-show", 0L), entry("withdrawn", 0L));
    assertThat(summary.feedback()).isEqualTo(new Summary.Feedback(2, 1, 0.5, 5.0));
  }

  @Test
  void escalationsOfThePeriodsRequests() {
    Summary.Escalations escalations = summary.escalations();
    assertThat(escalations.count()).isEqualTo(3);
    assertThat(escalations.reviewed()).isEqualTo(2);
    assertThat(escalations.open()).isEqualTo(1);
    assertThat(escalations.reDriven()).isZero();
    // reviewed in 300 s (before any backup) and in 900 s (after the backup was alerted)
    assertThat(escalations.reviewP50Seconds()).isEqualTo(600.0);
    assertThat(escalations.reviewP90Seconds()).isEqualTo(840.0);
    assertThat(escalations.reviewedWithinFirstStep()).isEqualTo(1);
    assertThat(escalations.withinFirstStepShare()).isEqualTo(0.5);
    assertThat(escalations.byOutcome())
        .containsExactly(
            entry("contacted-person", 1L), entry("emergency-services", 0L), entry("other-professional-help", 0L),
            entry("person-unreachable", 0L), entry("false-alarm", 1L));
  }

  @Test
  void groupsAreTheWeeksOfThePeriod() {
    assertThat(summary.period()).isEqualTo(new Summary.Period(TWO_WEEKS.from(), TWO_WEEKS.to(), "week", "UTC"));
    assertThat(summary.groups()).hasSize(2);
    Summary.Group first = summary.groups().get(0);
    assertThat(first.from()).isEqualTo(LocalDate.parse("2026-03-02"));
    assertThat(first.to()).isEqualTo(LocalDate.parse("2026-03-08"));
    assertThat(first.received()).isEqualTo(4);
    assertThat(first.open()).isEqualTo(1);
    assertThat(first.byFinalStatus())
        .containsExactly(entry("REDIRECTED_MINOR", 1L), entry("REJECTED", 1L), entry("ABANDONED", 0L), entry("CLOSED", 1L));
    assertThat(first.escalations()).isEqualTo(1);
    assertThat(first.waitP50Seconds()).containsEntry("intakeToAssignment", 5400.0).containsEntry("intakeToClosed", 259200.0);
    Summary.Group second = summary.groups().get(1);
    assertThat(second.from()).isEqualTo(LocalDate.parse("2026-03-09"));
    assertThat(second.to()).isEqualTo(LocalDate.parse("2026-03-15"));
    assertThat(second.received()).isEqualTo(4);
    assertThat(second.open()).isEqualTo(2);
    assertThat(second.byFinalStatus())
        .containsExactly(entry("REDIRECTED_MINOR", 0L), entry("REJECTED", 0L), entry("ABANDONED", 1L), entry("CLOSED", 1L));
    assertThat(second.escalations()).isEqualTo(2);
    assertThat(second.waitP50Seconds()).containsEntry("intakeToAssignment", 6300.0);
  }

  @Test
  void daysWithoutRequestsAreGroupsOfZero() {
    Summary byDay =
        summaries.summarise(new ReportPeriod(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-04"), Grouping.DAY), Instant.now());
    assertThat(byDay.groups()).extracting(Summary.Group::received).containsExactly(1L, 1L, 1L, 1L);
    Summary laterDays =
        summaries.summarise(new ReportPeriod(LocalDate.parse("2026-03-14"), LocalDate.parse("2026-03-16"), Grouping.DAY), Instant.now());
    assertThat(laterDays.groups()).extracting(Summary.Group::received).containsExactly(0L, 0L, 0L);
    assertThat(laterDays.requests().total()).isZero();
    assertThat(laterDays.waits()).allSatisfy(wait -> assertThat(wait.p50Seconds()).isNull());
    assertThat(laterDays.feedback()).isEqualTo(new Summary.Feedback(0, 0, null, null));
  }

  @Test
  void exportHasOneRowPerRequestWithStatusesAsSecondsAfterIntake() {
    StringWriter out = new StringWriter();

    long written = export.write(TWO_WEEKS, out);

    List<String> lines = out.toString().lines().toList();
    assertThat(written).isEqualTo(8);
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0))
        .isEqualTo(
            "report_id,received_hour,channel,language,topic,age_group,risk_level,status,furthest_stage,"
                + "qualifying_after_s,curator_review_after_s,questionnaire_after_s,awaiting_assignment_after_s,"
                + "assigned_after_s,in_progress_after_s,feedback_after_s,closed_after_s,redirected_minor_after_s,"
                + "rejected_after_s,abandoned_after_s,first_reply_after_s,case_outcome,case_closed_after_s,"
                + "feedback_asked_after_s,rating,"
                + "escalations");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "1,2026-03-02T08:00Z,telegram,uk,anxiety,adult,NONE,CLOSED,feedback,1,,10,600,3600,4000,86405,259200,,,,4600,helped,86400,172800,5,0",
            "2,2026-03-03T08:00Z,web,en,grief,young-adult,LOW,ASSIGNED,assignment,1,,10,900,7200,,,,,,,,,,,,1",
            "3,2026-03-04T08:00Z,telegram,uk,,minor,NONE,REDIRECTED_MINOR,qualification,1,,,,,,,,3,,,,,,,,0",
            "4,2026-03-05T08:00Z,api,en,,adult,NONE,REJECTED,qualification,1,2,,,,,,,,1800,,,,,,,0",
            "5,2026-03-09T08:00Z,email,ru,trauma,senior,NONE,ABANDONED,questionnaire,1,2,900,,,,,,,,173730,,,,,,0",
            "6,2026-03-10T08:00Z,telegram,,,unknown,NONE,QUALIFYING,qualification,1,,,,,,,,,,,,,,,,0",
            "7,2026-03-10T09:00Z,web,ru,other,adult,HIGH,CLOSED,care,1,,10,1200,10800,11000,,172802,,,,12600,referred,172800,,,1",
            "8,2026-03-11T08:00Z,telegram,uk,displacement,adult,MEDIUM,FEEDBACK,feedback,1,,10,300,1800,2000,432005,,,,,2400,helped,432000,518400,,1");
  }

  @Test
  void nothingPersonalReachesTheSummaryOrTheExport() throws Exception {
    // Free text where closed answers are expected, and a language that is not a language code: never reported.
    Instant t = MONDAY.plus(days(10));
    data.request("TELEGRAM", 119, MARKER.substring(0, 11).toLowerCase(), t)
            .status(QUALIFYING, t.plusSeconds(1))
            .status(QUESTIONNAIRE, t.plusSeconds(2))
            .answer("topic", MARKER + " my own words about it", t.plusSeconds(3))
            .answer("language", MARKER + " whatever I typed", t.plusSeconds(4))
            .ownWords(t.plusSeconds(5))
            .curatorNote(t.plusSeconds(6));
    data.flush();
    jdbc.update("update report_refresh set as_of = null");

    Summary after = summaries.summarise(TWO_WEEKS, facts.refresh());
    String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(after);
    StringWriter csv = new StringWriter();
    export.write(TWO_WEEKS, csv);

    assertThat(jdbc.queryForObject("select count(*) from contact where display_name like 'MARKER-%'", Long.class))
        .as("the data set carries the marker in the personal fields")
        .isEqualTo(11);
    assertThat(jdbc.queryForObject("select count(*) from care_session where note like 'MARKER-%'", Long.class)).isEqualTo(3);
    for (String shown : List.of(json, csv.toString())) {
      assertThat(shown).doesNotContainIgnoringCase("marker");
      for (String id : jdbc.queryForList("select cast(id as varchar(36)) from help_request", String.class)) {
        assertThat(shown).doesNotContain(id);
      }
      for (String id : jdbc.queryForList("select cast(id as varchar(36)) from contact", String.class)) {
        assertThat(shown).doesNotContain(id);
      }
    }
    assertThat(after.requests().byTopic()).containsEntry("unknown", 4L);
    assertThat(after.requests().byLanguage()).containsEntry("unknown", 2L);
    assertThat(after.requests().byAgeGroup()).containsEntry("senior", 2L);
    assertThat(csv.toString().lines().toList().get(9)).startsWith("9,2026-03-12T08:00Z,telegram,,,senior,NONE,QUESTIONNAIRE,");
    // The stated age (119) is reported as its age group only: no value of the summary or the export is the age.
    assertThat(csv.toString().lines().flatMap(line -> Arrays.stream(line.split(",", -1)))).doesNotContain("119");
    List<String> values = new ArrayList<>();
    new ObjectMapper().readTree(json).forEach(node -> collectValues(node, values));
    assertThat(values).isNotEmpty().doesNotContain("119");
  }

  /** Every scalar value of a JSON tree, as text. */
  private static void collectValues(JsonNode node, List<String> values) {
    if (node.isValueNode()) {
      values.add(node.asText());
    }
    node.forEach(child -> collectValues(child, values));
  }

  @Test
  void requestsOfTheSameSecondGetTheirOwnRowKeysAndKeepThemWhenRebuilt() {
    Instant second = Instant.parse("2026-03-12T10:00:00Z");
    for (int i = 0; i < 3; i++) {
      data.request("CHAT", 30, "uk", second.plusMillis(100 * i)).status(QUALIFYING, second.plusSeconds(1));
    }
    data.flush();
    facts.refresh();
    String keysOfTheSecond =
        "select request_id, row_key from report_request where received_at >= ? and received_at < ? order by row_key";
    Map<Object, Object> before = new LinkedHashMap<>();
    jdbc.query(keysOfTheSecond, row -> {
      before.put(row.getObject("request_id"), row.getLong("row_key"));
    }, ReportData.utc(second), ReportData.utc(second.plusSeconds(1)));
    long first = second.getEpochSecond() << 20;

    jdbc.update("update report_refresh set as_of = null");
    facts.refresh();

    Map<Object, Object> after = new LinkedHashMap<>();
    jdbc.query(keysOfTheSecond, row -> {
      after.put(row.getObject("request_id"), row.getLong("row_key"));
    }, ReportData.utc(second), ReportData.utc(second.plusSeconds(1)));
    assertThat(before.values()).containsExactlyInAnyOrder(first, first + 1, first + 2);
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aRefreshRebuildsWhatChangedSinceTheLastOneAndItsOverlap() {
    Instant now = Instant.now();
    data.changeStatus(stillQualifying.id, QUESTIONNAIRE, now);
    Instant longBefore = now.minus(Duration.ofHours(1));
    jdbc.update("update report_refresh set as_of = ?", ReportData.utc(now.minusSeconds(30)));

    summary = summaries.summarise(TWO_WEEKS, facts.refresh());

    assertThat(summary.requests().byStatus()).containsEntry("QUALIFYING", 0L).containsEntry("QUESTIONNAIRE", 1L);
    assertThat(summary.funnel().get(2).reached()).isEqualTo(6);

    data.changeStatus(stillQualifying.id, ABANDONED, longBefore);
    summary = summaries.summarise(TWO_WEEKS, facts.refresh());
    assertThat(summary.requests().byStatus())
        .as("a change dated before the last refresh less the overlap is not seen: timestamps come from the writer's clock")
        .containsEntry("QUESTIONNAIRE", 1L)
        .containsEntry("ABANDONED", 1L);
  }

  @Test
  void aTextCellThatASpreadsheetWouldRunIsDefused() {
    assertThat(Arrays.asList("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "anxiety", "", null))
        .extracting(RequestExport::cell)
        .containsExactly("'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "anxiety", "", null);
  }
}
