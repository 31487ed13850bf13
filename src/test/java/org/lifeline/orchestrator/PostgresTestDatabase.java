package org.lifeline.orchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL server of the data-layer tests, and the switch to skip them.
 *
 * <ul>
 *   <li>{@code LIFELINE_TEST_POSTGRES_URL} (environment) or {@code -Dlifeline.test.postgres.url}: a
 *       JDBC URL with user and password, e.g. {@code
 *       jdbc:postgresql://127.0.0.1:5432/lifeline_test?user=lifeline&password=lifeline}; {@code .ci/run}
 *       starts a server with {@code scripts/test-postgres.sh} and sets it.
 *   <li>Without a URL the tests start a throwaway server themselves with that script (needs the
 *       PostgreSQL server package), except in CI ({@code CI=true}), where a missing URL fails.
 *   <li>{@code -Dlifeline.test.postgres=skip}: a developer without PostgreSQL skips these tests.
 *       CI never skips them: there the switch is ignored.
 * </ul>
 *
 * Each Spring context works in a schema of its own, created by Flyway and dropped when the context
 * closes, so a shared server is left as it was, and a context closed early (the test context cache
 * holds a limited number) takes no other context's tables with it.
 */
public final class PostgresTestDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecutionCondition {

  static final String SKIP_SWITCH = "lifeline.test.postgres";
  static final String URL_PROPERTY = "lifeline.test.postgres.url";
  static final String URL_ENV = "LIFELINE_TEST_POSTGRES_URL";
  private static final Pattern EXPORT = Pattern.compile("^export (\\w+)='([^']*)'$", Pattern.MULTILINE);

  private static String url;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("skip".equalsIgnoreCase(System.getProperty(SKIP_SWITCH)) && !inCi()) {
      return ConditionEvaluationResult.disabled("PostgreSQL tests skipped (-D" + SKIP_SWITCH + "=skip)");
    }
    return ConditionEvaluationResult.enabled("PostgreSQL tests run (skip with -D" + SKIP_SWITCH + "=skip)");
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    // A schema per Spring context: a context the test context cache closes drops its own schema, never another's.
    String schema = "lifeline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String jdbcUrl = url();
    Map<String, String> query = queryOf(jdbcUrl);
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    properties.put("spring.datasource.username", query.getOrDefault("user", ""));
    properties.put("spring.datasource.password", query.getOrDefault("password", ""));
    properties.put("spring.flyway.schemas", schema);
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("lifelineTestPostgres", properties));
    context.addApplicationListener(
        (ContextClosedEvent closed) ->
            new JdbcTemplate(closed.getApplicationContext().getBean(DataSource.class))
                .execute("drop schema if exists " + schema + " cascade"));
  }

  /** The server's URL: given, or of a server started now for the rest of this JVM. */
  static synchronized String url() {
    if (url == null) {
      String given = System.getProperty(URL_PROPERTY, System.getenv(URL_ENV));
      url = given != null && !given.isBlank() ? given : startServer();
    }
    return url;
  }

  private static String startServer() {
    if (inCi()) {
      throw new IllegalStateException(
          "CI must run the data-layer tests on PostgreSQL, but " + URL_ENV + " is not set: "
              + ".ci/run starts a server with scripts/test-postgres.sh and sets it");
    }
    Path script = Path.of(System.getProperty("basedir", ".")).resolve("scripts/test-postgres.sh");
    Map<String, String> exported = run(script, "start");
    String dir = exported.get("LIFELINE_TEST_POSTGRES_DIR");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, "stop", dir)));
    return exported.get(URL_ENV);
  }

  private static Map<String, String> run(Path script, String... arguments) {
    String[] command = new String[arguments.length + 2];
    command[0] = "bash";
    command[1] = script.toString();
    System.arraycopy(arguments, 0, command, 2, arguments.length);
    try {
      Path errors = Files.createTempFile("test-postgres", ".log");
      Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "Could not start a PostgreSQL server for the data-layer tests ("
                + Files.readString(errors).strip()
                + "). Install PostgreSQL (Debian: apt-get install postgresql), set "
                + URL_ENV
                + ", or skip these tests with -D"
                + SKIP_SWITCH
                + "=skip");
      }
      Files.deleteIfExists(errors);
      Map<String, String> exported = new HashMap<>();
      Matcher line = EXPORT.matcher(output);
      while (line.find()) {
        exported.put(line.group(1), line.group(2));
      }
      return exported;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + script, e);
    }
  }

  private static Map<String, String> queryOf(String jdbcUrl) {
    Map<String, String> query = new HashMap<>();
    int start = jdbcUrl.indexOf('?');
    if (start < 0) {
      return query;
    }
    for (String pair : jdbcUrl.substring(start + 1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
