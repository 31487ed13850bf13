package org.lifeline.orchestrator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's SQL error logger stays on: only the two lines of a unique-key refusal inside {@link UniqueKeyRaces#expect}
 * are dropped.
 */
class UniqueKeyRacesTest {

  final LoggerContext logback = new LoggerContext();
  final Logger sqlErrors = logback.getLogger(UniqueKeyRaces.SQL_ERRORS_LOGGER);
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void logThroughTheFilter() {
    UniqueKeyRaces.LogFilter filter = new UniqueKeyRaces.LogFilter();
    filter.start();
    logback.addTurboFilter(filter);
    logged.start();
    sqlErrors.addAppender(logged);
  }

  @Test
  void anExpectedUniqueKeyRefusalIsNotLogged() {
    UniqueKeyRaces.expect(() -> refused("23505", "duplicate key value violates unique constraint \"uq_help_request_idempotency\""));

    assertThat(logged.list).isEmpty();
  }

  @Test
  void otherSqlErrorsInsideAndAnyRefusalOutsideAreLogged() {
    UniqueKeyRaces.expect(() -> refused("40P01", "deadlock detected"));
    refused("23505", "duplicate key value violates unique constraint \"uq_contact_handle\"");
    UniqueKeyRaces.expect(() -> {});
    sqlErrors.error("syntax error at or near \"selec\"");

    assertThat(logged.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Level.WARN, "SQL Error: 0, SQLState: 40P01"),
            org.assertj.core.groups.Tuple.tuple(Level.ERROR, "deadlock detected"),
            org.assertj.core.groups.Tuple.tuple(Level.WARN, "SQL Error: 0, SQLState: 23505"),
            org.assertj.core.groups.Tuple.tuple(Level.ERROR, "duplicate key value violates unique constraint \"uq_contact_handle\""),
            org.assertj.core.groups.Tuple.tuple(Level.ERROR, "syntax error at or near \"selec\""));
  }

  /** What Hibernate's SqlExceptionHelper logs for a refused statement: its state, then the database's message. */
  private void refused(String sqlState, String message) {
    sqlErrors.warn("SQL Error: 0, SQLState: " + sqlState);
    sqlErrors.error(message);
  }
}
