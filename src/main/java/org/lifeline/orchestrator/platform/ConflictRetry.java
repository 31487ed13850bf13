package org.lifeline.orchestrator.platform;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a transaction again when it lost an optimistic-lock race: a person's message or answer and a
 * worker's status change may touch the same request at the same moment, and the person must not
 * get an error (nor lose the message) for that. Call it outside any transaction.
 */
public final class ConflictRetry {

  private static final int ATTEMPTS = 4;

  private ConflictRetry() {}

  public static <T> T run(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (OptimisticLockingFailureException concurrentChange) {
        if (attempt == ATTEMPTS) {
          throw concurrentChange;
        }
      }
    }
  }

  public static void run(Runnable transaction) {
    run(
        () -> {
          transaction.run();
          return null;
        });
  }
}
