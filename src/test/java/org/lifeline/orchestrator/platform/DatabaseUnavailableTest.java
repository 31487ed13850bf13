package org.lifeline.orchestrator.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A database that cannot be reached is a 503 problem with Retry-After, not a 500, however the failure is wrapped. */
class DatabaseUnavailableTest {

  static final Map<String, Supplier<RuntimeException>> FAILURES =
      Map.of(
          "transaction",
          () ->
              new CannotCreateTransactionException(
                  "Could not open JPA EntityManager for transaction",
                  new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLTransientConnectionException("timed out"))),
          "repository",
          () -> new DataAccessResourceFailureException("could not prepare statement", new SQLNonTransientConnectionException("closed")),
          "jdbc",
          () -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLTransientConnectionException("timed out")),
          "wrapped",
          () -> new IllegalStateException("a worker's call failed", new SQLTransientConnectionException("timed out")));

  MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController()).setControllerAdvice(new ApiExceptionHandler()).build();

  @ParameterizedTest
  @ValueSource(strings = {"transaction", "repository", "jdbc", "wrapped"})
  void isA503ProblemWithRetryAfter(String failure) throws Exception {
    mvc.perform(get("/fail/{failure}", failure).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(jsonPath("$.detail").value("The database cannot be reached right now. Try again in a few seconds."));
  }

  @RestController
  static class FailingController {
    @GetMapping("/fail/{failure}")
    String fail(@PathVariable String failure) {
      throw FAILURES.get(failure).get();
    }
  }
}
