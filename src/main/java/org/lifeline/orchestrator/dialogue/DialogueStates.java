package org.lifeline.orchestrator.dialogue;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and changes a request's dialogue state, one short transaction each, created on first use. */
@Component
class DialogueStates {

  private final DialogueStateRepository states;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  DialogueStates(DialogueStateRepository states, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.states = states;
    this.jdbc = jdbc;
    // Also called after another transaction's commit (a question shown once the greeting went out), where only a new
    // transaction may write.
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Applies a change and returns what it says; run again if another change to the same state came first. */
  <T> T change(UUID requestId, Function<DialogueState, T> change) {
    return ConflictRetry.run(() -> transaction.execute(status -> change.apply(stateOf(requestId))));
  }

  void update(UUID requestId, Consumer<DialogueState> update) {
    change(
        requestId,
        state -> {
          update.accept(state);
          return null;
        });
  }

  /** Within the caller's transaction (the status change a worker makes). */
  void changeIfPresent(UUID requestId, Consumer<DialogueState> change) {
    states.findById(requestId).ifPresent(change);
  }

  /** Within the caller's transaction, created if absent. */
  DialogueState stateOf(UUID requestId) {
    // "on conflict do nothing" never fails (PostgreSQL and H2 alike): two first messages at once leave one row.
    jdbc.sql("insert into chat_dialogue (request_id, paused, version) values (:request, false, 0) on conflict do nothing")
        .param("request", requestId)
        .update();
    return states.findById(requestId).orElseThrow();
  }
}
