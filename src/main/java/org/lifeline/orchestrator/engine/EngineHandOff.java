package org.lifeline.orchestrator.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the engine on a small pool of its own what the database already holds (a process to start, a message to
 * publish), so that an HTTP or worker thread neither waits for the engine nor keeps its database connection while the
 * engine answers: a listener after commit still holds the connection, and one that opens a new transaction there
 * needs a second one, which under load emptied the pool. Every caller is a "store first, tell the engine later"
 * dispatcher with a background pass over the database, so a call the saturated pool refuses is only postponed.
 */
@Component
public class EngineHandOff implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EngineHandOff.class);

  private final ThreadPoolTaskExecutor pool;

  EngineHandOff(@Value("${lifeline.dispatch.threads:4}") int threads, @Value("${lifeline.dispatch.queue:2000}") int queue) {
    pool =
        new ThreadPoolTaskExecutorBuilder()
            .corePoolSize(threads)
            .maxPoolSize(threads)
            .queueCapacity(queue)
            .threadNamePrefix("engine-hand-off-")
            .build();
    pool.initialize();
  }

  /** Runs the call once the caller's transaction has committed, or at once (on the pool) without a transaction. */
  public void afterCommit(Runnable call) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              submit(call);
            }
          });
    } else {
      submit(call);
    }
  }

  /** Runs the call on the pool now: for callers already past their commit (a listener after commit). */
  public void submit(Runnable call) {
    try {
      pool.execute(call);
    } catch (TaskRejectedException saturated) {
      log.debug("Engine hand-off pool saturated; the dispatcher's next pass does it");
    }
  }

  @Override
  public void destroy() {
    pool.shutdown();
  }
}
