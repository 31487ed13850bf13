package org.lifeline.orchestrator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.opaqueToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.lifeline.orchestrator.PlatformTest;
import org.lifeline.orchestrator.platform.security.BearerSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Hundreds of malformed or hostile requests across the API: each must get a 4xx problem+json,
 * never a 5xx, and the database must hold exactly what it held before, apart from the access audit
 * of the refused calls.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

  private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000001";
  /** The user of an endpoint reached with a web chat session's bearer token. */
  private static final String CHAT_SESSION = "chat-session";
  /** Public calls come from addresses of their own, so that the limit per address never answers for validation. */
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private Map<String, Long> rowsBefore;
  private int casesRun;

  /** A body field and the kind of value it takes, to know which values are wrong for it. */
  enum Kind { REQUIRED_TEXT, TEXT, ENUM, NUMBER, PATTERN, HANDLE, ARRAY, OBJECT, INSTANT }

  record Field(String name, Kind kind, int maxLength) {}

  record BodyEndpoint(
      HttpMethod method, String path, String user, String[] roles, Map<String, Object> valid, List<Field> fields) {}

  record Case(String name, MockHttpServletRequestBuilder request) {}

  static List<BodyEndpoint> bodyEndpoints() {
    return List.of(
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/requests",
            "curator",
            new String[] {"CURATOR"},
            ordered("channel", "web", "channelUserId", "corpus-user", "age", 30, "language", "en", "message", "hello"),
            List.of(
                new Field("channel", Kind.ENUM, 0),
                new Field("channelUserId", Kind.HANDLE, 200),
                new Field("displayName", Kind.TEXT, 200),
                new Field("age", Kind.NUMBER, 0),
                new Field("language", Kind.PATTERN, 0),
                new Field("message", Kind.TEXT, 4096))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/requests/" + NO_SUCH_ID + "/messages",
            "curator",
            new String[] {"CURATOR"},
            ordered("text", "I am still here"),
            List.of(new Field("text", Kind.REQUIRED_TEXT, 4000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/requests/" + NO_SUCH_ID + "/questionnaire/answers",
            "curator",
            new String[] {"CURATOR"},
            ordered("questionId", "topic", "answer", "grief"),
            List.of(new Field("questionId", Kind.REQUIRED_TEXT, 64), new Field("answer", Kind.TEXT, 8000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/requests/" + NO_SUCH_ID + "/risk-flags",
            "curator",
            new String[] {"CURATOR"},
            ordered("level", "HIGH", "reasonCode", "disclosed-plan"),
            List.of(new Field("level", Kind.ENUM, 0), new Field("reasonCode", Kind.PATTERN, 0))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/requests/" + NO_SUCH_ID + "/replies",
            "specialist",
            new String[] {"SPECIALIST"},
            ordered("text", "Hello, I am here for you"),
            List.of(new Field("text", Kind.REQUIRED_TEXT, 4000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/canned-responses",
            "curator",
            new String[] {"CURATOR"},
            ordered("language", "en", "category", "closing", "title", "Goodbye", "text", "Take care of yourself."),
            List.of(
                new Field("language", Kind.PATTERN, 0),
                new Field("category", Kind.ENUM, 0),
                new Field("title", Kind.REQUIRED_TEXT, 100),
                new Field("text", Kind.REQUIRED_TEXT, 2000))),
        new BodyEndpoint(
            HttpMethod.PUT,
            "/api/v1/canned-responses/" + NO_SUCH_ID,
            "curator",
            new String[] {"CURATOR"},
            ordered("language", "en", "category", "closing", "title", "Goodbye", "text", "Take care of yourself."),
            List.of(
                new Field("language", Kind.PATTERN, 0),
                new Field("category", Kind.ENUM, 0),
                new Field("title", Kind.REQUIRED_TEXT, 100),
                new Field("text", Kind.REQUIRED_TEXT, 2000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/risk/assessments",
            "supervisor",
            new String[] {"SUPERVISOR"},
            ordered("text", "a phrase to try", "language", "en"),
            List.of(new Field("text", Kind.REQUIRED_TEXT, 4000), new Field("language", Kind.PATTERN, 0))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/requests/" + NO_SUCH_ID + "/feedback",
            "admin",
            new String[] {"ADMIN"},
            ordered("rating", 4, "comment", "It helped"),
            List.of(new Field("rating", Kind.NUMBER, 0), new Field("comment", Kind.TEXT, 2000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/feedback/no-such-token",
            "person",
            new String[] {},
            ordered("rating", 4, "comment", "It helped"),
            List.of(new Field("rating", Kind.NUMBER, 0), new Field("comment", Kind.TEXT, 2000))),
        // A valid body here creates a specialist: every case below must be refused before anything is stored.
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/specialists",
            "curator",
            new String[] {"CURATOR"},
            specialist(),
            specialistFields()),
        new BodyEndpoint(
            HttpMethod.PUT, "/api/v1/specialists/" + NO_SUCH_ID, "curator", new String[] {"CURATOR"}, specialist(), specialistFields()),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/cases/" + NO_SUCH_ID + "/sessions",
            "specialist",
            new String[] {"SPECIALIST"},
            ordered("at", "2026-11-23T10:00:00Z", "durationMinutes", 50, "note", "We talked"),
            List.of(new Field("at", Kind.INSTANT, 0), new Field("durationMinutes", Kind.NUMBER, 0), new Field("note", Kind.TEXT, 2000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/cases/" + NO_SUCH_ID + "/closure",
            "specialist",
            new String[] {"SPECIALIST"},
            ordered("outcome", "helped"),
            List.of(new Field("outcome", Kind.ENUM, 0))),
        // Opening a web chat: public. A valid body opens a request; every case below must be refused first.
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/chat/sessions",
            "person",
            new String[] {},
            ordered("language", "en", "age", 30),
            List.of(new Field("language", Kind.PATTERN, 0), new Field("age", Kind.NUMBER, 0))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/chat/messages",
            CHAT_SESSION,
            new String[] {},
            ordered("text", "I am still here"),
            List.of(new Field("text", Kind.REQUIRED_TEXT, 4000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/chat/feedback",
            CHAT_SESSION,
            new String[] {},
            ordered("rating", 4, "comment", "It helped"),
            List.of(new Field("rating", Kind.NUMBER, 0), new Field("comment", Kind.TEXT, 2000))),
        new BodyEndpoint(
            HttpMethod.POST,
            "/api/v1/tasks/2251799813685999/complete",
            "curator",
            new String[] {"CURATOR"},
            ordered("variables", Map.of("reviewDecision", "accept")),
            List.of(new Field("variables", Kind.OBJECT, 0))));
  }

  private static Map<String, Object> specialist() {
    return ordered(
        "name", "Corpus Specialist",
        "username", "corpus-specialist",
        "languages", List.of("en"),
        "topics", List.of("grief"),
        "ageGroups", List.of("ADULT"),
        "timeZone", "Europe/Kyiv",
        "maxCases", 3,
        "shifts", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00")));
  }

  private static List<Field> specialistFields() {
    return List.of(
        new Field("name", Kind.REQUIRED_TEXT, 200),
        new Field("username", Kind.PATTERN, 0),
        new Field("languages", Kind.ARRAY, 0),
        new Field("topics", Kind.ARRAY, 0),
        new Field("ageGroups", Kind.ARRAY, 0),
        new Field("timeZone", Kind.REQUIRED_TEXT, 100),
        new Field("maxCases", Kind.NUMBER, 0),
        new Field("shifts", Kind.ARRAY, 0));
  }

  static List<String> idPaths() {
    return List.of(
        "GET /api/v1/requests/{id}",
        "GET /api/v1/contacts/{id}/requests",
        "DELETE /api/v1/admin/contacts/{id}/personal-data",
        "GET /api/v1/requests/{id}/questionnaire/next",
        "GET /api/v1/requests/{id}/questionnaire/progress",
        "GET /api/v1/requests/{id}/conversation",
        "GET /api/v1/canned-responses/{id}",
        "DELETE /api/v1/canned-responses/{id}",
        "GET /api/v1/specialists/{id}",
        "POST /api/v1/specialists/{id}/pause",
        "POST /api/v1/specialists/{id}/resume",
        "GET /api/v1/requests/{id}/feedback",
        "GET /api/v1/requests/{id}/feedback-link",
        "GET /api/v1/tasks/{id}",
        "POST /api/v1/tasks/{id}/claim",
        "POST /api/v1/tasks/{id}/unclaim");
  }

  @BeforeAll
  void snapshot() {
    rowsBefore = settledRowCounts();
  }

  @AfterAll
  void nothingWasWritten() {
    assertThat(casesRun).as("corpus size").isGreaterThanOrEqualTo(400);
    assertThat(settledRowCounts()).isEqualTo(rowsBefore);
    System.out.println(
        "bad-input corpus: " + casesRun + " hostile requests to " + (bodyEndpoints().size() + idPaths().size() + 2)
            + " endpoints, all answered 4xx problem+json, none 5xx, 0 rows written (besides the access audit of"
            + " refused calls)");
  }

  @TestFactory
  Stream<DynamicTest> everyHostileRequestGetsAProblemAndWritesNothing() {
    List<Case> cases = new ArrayList<>();
    for (BodyEndpoint endpoint : bodyEndpoints()) {
      cases.addAll(bodyCases(endpoint));
    }
    for (String idPath : idPaths()) {
      cases.addAll(idCases(idPath));
    }
    cases.addAll(chatCases());
    return cases.stream().map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> expectProblem(testCase)));
  }

  private void expectProblem(Case testCase) throws Exception {
    MockHttpServletResponse response = mvc.perform(testCase.request()).andReturn().getResponse();
    casesRun++;
    assertThat(response.getStatus()).as(testCase.name()).isBetween(400, 499);
    assertThat(response.getContentType()).as(testCase.name()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
  }

  private List<Case> bodyCases(BodyEndpoint endpoint) {
    List<Case> cases = new ArrayList<>();
    String label = endpoint.method() + " " + endpoint.path() + ": ";
    String valid = json(endpoint.valid());
    cases.add(raw(endpoint, label + "empty body", ""));
    cases.add(raw(endpoint, label + "null", "null"));
    cases.add(raw(endpoint, label + "array", "[]"));
    cases.add(raw(endpoint, label + "string", "\"text\""));
    cases.add(raw(endpoint, label + "number", "42"));
    cases.add(raw(endpoint, label + "truncated", valid.substring(0, valid.length() / 2)));
    cases.add(raw(endpoint, label + "trailing garbage", valid + "}}"));
    cases.add(raw(endpoint, label + "single quotes", valid.replace('"', '\'')));
    cases.add(raw(endpoint, label + "comments", "/* hi */" + valid));
    cases.add(raw(endpoint, label + "deep nesting", "[".repeat(5000) + "]".repeat(5000)));
    cases.add(raw(endpoint, label + "deep object", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
    cases.add(raw(endpoint, label + "huge body", valid.substring(0, valid.length() - 1) + ",\"padding\":\"" + "x".repeat(400_000) + "\"}"));
    cases.add(bytes(endpoint, label + "invalid UTF-8", invalidUtf8(valid)));
    cases.add(bytes(endpoint, label + "NUL bytes", (valid.substring(0, 5) + "\u0000" + valid.substring(5)).getBytes(StandardCharsets.UTF_8)));
    cases.add(typed(endpoint, label + "text/plain", valid, MediaType.TEXT_PLAIN));
    cases.add(typed(endpoint, label + "XML", "<request><channel>web</channel></request>", MediaType.APPLICATION_XML));
    cases.add(typed(endpoint, label + "form", "channel=web", MediaType.APPLICATION_FORM_URLENCODED));
    String first = endpoint.valid().keySet().iterator().next();
    cases.add(raw(endpoint, label + "duplicate key " + first, "{\"" + first + "\":" + json(endpoint.valid().get(first)) + "," + valid.substring(1)));
    for (Field field : endpoint.fields()) {
      for (Map.Entry<String, Object> wrong : wrongValues(field).entrySet()) {
        Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
        body.put(field.name(), wrong.getValue());
        cases.add(raw(endpoint, label + field.name() + " " + wrong.getKey(), json(body)));
      }
      if (EnumSet.of(Kind.REQUIRED_TEXT, Kind.ENUM, Kind.HANDLE, Kind.ARRAY, Kind.INSTANT).contains(field.kind())) {
        Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
        body.remove(field.name());
        cases.add(raw(endpoint, label + field.name() + " missing", json(body)));
      }
    }
    return cases;
  }

  private static Map<String, Object> wrongValues(Field field) {
    Map<String, Object> wrong = new LinkedHashMap<>();
    wrong.put("as object", Map.of("nested", "x"));
    wrong.put("as array", List.of("x"));
    if (EnumSet.of(Kind.REQUIRED_TEXT, Kind.TEXT, Kind.PATTERN, Kind.HANDLE).contains(field.kind())) {
      // Coerced to text by a lenient parser (issue 16: "message": 5 was stored as "5").
      wrong.put("as number", 5);
      wrong.put("as fraction", 12.5);
      wrong.put("as boolean", true);
      wrong.put("with NUL", "a\u0000b");
      wrong.put("with escape sequence", "\u001b[2Jcleared");
      wrong.put("with bell", "ring\u0007");
      wrong.put("with delete", "x\u007f");
    }
    switch (field.kind()) {
      case ENUM -> {
        wrong.put("unknown value", "carrier-pigeon");
        wrong.put("SQL injection", "web'; DROP TABLE contact; --");
        wrong.put("script", "<script>alert(1)</script>");
        wrong.put("upper case", "WEB ");
        wrong.put("number", 7);
        wrong.put("index of a value", 1);
        wrong.put("boolean", true);
        wrong.put("null", null);
      }
      case NUMBER -> {
        wrong.put("text", "thirty");
        wrong.put("negative", -5);
        wrong.put("absurd", 100_000);
        wrong.put("overflow", new java.math.BigInteger("999999999999999999999999"));
        wrong.put("fraction", 30.5);
        wrong.put("SQL injection", "30 OR 1=1");
        wrong.put("boolean", true);
        wrong.put("as string", "30");
        wrong.put("as empty string", "");
        wrong.put("as fraction in a string", "3.5");
      }
      case PATTERN -> {
        wrong.put("script", "<script>alert(1)</script>");
        wrong.put("SQL injection", "en'; DROP TABLE help_request; --");
        wrong.put("path traversal", "../../etc/passwd");
        wrong.put("too long", "x".repeat(300));
      }
      case REQUIRED_TEXT -> {
        wrong.put("blank", "   ");
        wrong.put("null", null);
        wrong.put("too long", "u".repeat(field.maxLength() + 1));
      }
      case TEXT -> wrong.put("too long", "t".repeat(field.maxLength() + 1));
      case HANDLE -> {
        wrong.put("blank", "   ");
        wrong.put("null", null);
        wrong.put("too long", "u".repeat(field.maxLength() + 1));
        wrong.put("with space", "user 42");
        wrong.put("non-ASCII", "пользователь");
        wrong.put("with slash", "../user");
        wrong.put("with quote", "user'42");
        wrong.put("with line break", "user\n42");
        wrong.put("with tab", "user\t42");
        wrong.put("as large number", 12.5e300);
      }
      case ARRAY -> {
        wrong.put("as string", "en");
        wrong.put("as number", 5);
        wrong.put("empty", List.of());
        wrong.put("with null", java.util.Arrays.asList((Object) null));
        wrong.put("with number", List.of(1));
        wrong.put("with boolean", List.of(true));
        wrong.put("nested", List.of(List.of("en")));
        wrong.put("with NUL", List.of("e\u0000n"));
        wrong.put("null", null);
      }
      case OBJECT -> {
        wrong.put("as string", "reviewDecision=accept");
        wrong.put("as number", 5);
        wrong.put("with NUL", Map.of("reviewDecision", "acc\u0000ept"));
        wrong.put("with escape sequence", Map.of("note", "\u001b]0;title\u0007"));
      }
      case INSTANT -> {
        wrong.put("as seconds", 1_700_000_000);
        wrong.put("as fraction", 1.5);
        wrong.put("as boolean", true);
        wrong.put("as words", "yesterday evening");
        wrong.put("without zone", "2026-13-45T25:61:00");
        wrong.put("with NUL", "2026-11-23T10:00:00Z\u0000");
        wrong.put("null", null);
      }
    }
    return wrong;
  }

  private List<Case> idCases(String idPath) {
    String[] parts = idPath.split(" ", 2);
    HttpMethod method = HttpMethod.valueOf(parts[0]);
    List<Case> cases = new ArrayList<>();
    for (String id :
        List.of(
            "not-a-uuid",
            "1 OR 1=1",
            "'; DROP TABLE help_request; --",
            "<script>alert(1)</script>",
            "..",
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e",
            "%00",
            "12345",
            "00000000-0000-0000-0000-00000000000g",
            "x".repeat(3000),
            NO_SUCH_ID)) {
      String path = parts[1].replace("{id}", id);
      cases.add(
          new Case(
              idPath + " with id " + (id.length() > 40 ? id.substring(0, 40) + "..." : id),
              MockMvcRequestBuilders.request(method, java.net.URI.create(path.replace(" ", "%20").replace("'", "%27").replace("<", "%3C").replace(">", "%3E")))
                  .with(user("admin").roles("ADMIN", "CURATOR", "SUPERVISOR"))));
    }
    return cases;
  }

  /** The web chat's reads: hostile cursors, and no token, a forged one, or a staff login instead of one. */
  private static List<Case> chatCases() {
    List<Case> cases = new ArrayList<>();
    for (String after : List.of("-1", "abc", "1 OR 1=1", "99999999999999999999", "1.5", "%00", "<script>")) {
      cases.add(
          new Case(
              "GET /api/v1/chat/messages?after=" + after,
              MockMvcRequestBuilders.get(java.net.URI.create("/api/v1/chat/messages?after=" + after.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")))
                  .with(chatSession())));
    }
    for (String path : List.of("/api/v1/chat/messages", "/api/v1/chat/events")) {
      cases.add(new Case("GET " + path + " without a token", MockMvcRequestBuilders.get(path)));
      for (String token : List.of("forged-token", "' OR 1=1 --", "x".repeat(5000))) {
        cases.add(
            new Case(
                "GET " + path + " with token " + token.substring(0, Math.min(token.length(), 20)),
                MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + token)));
      }
      cases.add(new Case("GET " + path + " as staff", MockMvcRequestBuilders.get(path).with(user("admin").roles("ADMIN", "CURATOR"))));
    }
    cases.add(
        new Case(
            "POST /api/v1/chat/messages without a token",
            MockMvcRequestBuilders.post("/api/v1/chat/messages").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}")));
    return cases;
  }

  private static RequestPostProcessor chatSession() {
    return opaqueToken()
        .attributes(attributes -> attributes.put("requestId", UUID.fromString(NO_SUCH_ID)))
        .authorities(new SimpleGrantedAuthority(BearerSessions.AUTHORITY));
  }

  private Case raw(BodyEndpoint endpoint, String name, String body) {
    return typed(endpoint, name, body, MediaType.APPLICATION_JSON);
  }

  private Case typed(BodyEndpoint endpoint, String name, String body, MediaType type) {
    return new Case(name, request(endpoint).contentType(type).content(body));
  }

  private Case bytes(BodyEndpoint endpoint, String name, byte[] body) {
    return new Case(name, request(endpoint).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  /** As the endpoint's user; an endpoint without roles is public (a feedback link) and is called without one. */
  private static MockHttpServletRequestBuilder request(BodyEndpoint endpoint) {
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.path());
    if (CHAT_SESSION.equals(endpoint.user())) {
      return request.with(chatSession());
    }
    if (endpoint.roles().length == 0) {
      int address = ADDRESSES.incrementAndGet();
      return request.with(
          call -> {
            call.setRemoteAddr("10.250." + (address / 250) + "." + (address % 250 + 1));
            return call;
          });
    }
    return request.with(user(endpoint.user()).roles(endpoint.roles()));
  }

  private static byte[] invalidUtf8(String valid) {
    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[bytes.length + 2];
    int at = valid.indexOf("\":\"") + 3;
    System.arraycopy(bytes, 0, broken, 0, at);
    broken[at] = (byte) 0xC3;
    broken[at + 1] = (byte) 0x28;
    System.arraycopy(bytes, at, broken, at + 2, bytes.length - at);
    return broken;
  }

  /** Earlier tests in the shared context may still be finishing their flows: wait for quiet. */
  private Map<String, Long> settledRowCounts() {
    Map<String, Long>[] last = new Map[] {rowCounts()};
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> {
          Map<String, Long> now = rowCounts();
          boolean settled = now.equals(last[0]);
          last[0] = now;
          return settled;
        });
    return last[0];
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables where lower(table_schema) = 'public' and lower(table_type) in ('table', 'base table') order by table_name",
            String.class)) {
      if (table.equalsIgnoreCase("access_audit")) {
        // Refused calls (403, 404: an unknown request, say) are audited on purpose; nothing else may be written.
        counts.put(table, jdbc.queryForObject("select count(*) from access_audit where status < 400", Long.class));
      } else if (!table.equalsIgnoreCase("flyway_schema_history")) {
        counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
      }
    }
    return counts;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String json(Object body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
