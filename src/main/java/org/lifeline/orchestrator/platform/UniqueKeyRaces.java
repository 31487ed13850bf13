package org.lifeline.orchestrator.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Races the database settles with a unique key (two submissions of one Idempotency-Key, the first request of a new
 * contact arriving twice, a task recorded by two threads): the caller catches the refusal and looks again. Hibernate
 * logs every refused statement before the exception reaches the caller, as a WARN with the SQL state and an ERROR with
 * the database's message (which names the key and its values). Only inside {@link #expect} and only for a unique-key
 * refusal (SQL state {@value #UNIQUE_VIOLATION}) are those two lines dropped ({@link LogFilter}); every other SQL error,
 * and a unique-key refusal anywhere else, is logged as Hibernate logs it.
 */
public final class UniqueKeyRaces {

  static final String UNIQUE_VIOLATION = "23505";
  static final String SQL_ERRORS_LOGGER = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";

  private static final ThreadLocal<Boolean> EXPECTING = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<Boolean> WARNED = ThreadLocal.withInitial(() -> false);

  private UniqueKeyRaces() {}

  /** Runs work whose unique-key refusal the caller handles (it still gets the exception, only unlogged). */
  public static <T> T expect(Supplier<T> work) {
    boolean outer = EXPECTING.get();
    EXPECTING.set(true);
    try {
      return work.get();
    } finally {
      EXPECTING.set(outer);
      WARNED.set(false);
    }
  }

  public static void expect(Runnable work) {
    expect(
        () -> {
          work.run();
          return null;
        });
  }

  /** Adds the filter to Logback, once (Spring Boot resets Logback when a context starts, so each context adds it). */
  static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && logback.getTurboFilterList().stream().noneMatch(LogFilter.class::isInstance)) {
      LogFilter filter = new LogFilter();
      filter.setName("unique-key-races");
      filter.start();
      logback.addTurboFilter(filter);
    }
  }

  /** Drops Hibernate's two lines about a unique-key refusal that happens inside {@link #expect}. */
  static final class LogFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      if (format == null || !EXPECTING.get() || !SQL_ERRORS_LOGGER.equals(logger.getName())) {
        return FilterReply.NEUTRAL;
      }
      if (level == Level.WARN && format.endsWith("SQLState: " + UNIQUE_VIOLATION)) {
        WARNED.set(true);
        return FilterReply.DENY;
      }
      if (level == Level.ERROR && WARNED.get()) {
        WARNED.set(false); // the refused statement's message, logged right after its state
        return FilterReply.DENY;
      }
      return FilterReply.NEUTRAL;
    }
  }
}
