package org.lifeline.orchestrator.benchmark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.lifeline.orchestrator.request.HelpRequestProcess;

/**
 * Assignment: the platform proposes a specialist, auto-confirms (risk NONE) and reserves the place ({@code ASSIGNED});
 * the specialist then finds "Accept or decline the case" assigned to them ({@link TaskBoard}) and accepts it with their
 * own login: {@code POST /api/v1/tasks/{id}/complete} with the form's value {@code assignmentResponse: accept}. The
 * process moves the request to {@code IN_PROGRESS}.
 */
final class AcceptStage implements StageDriver {

  /** A 5xx or a timeout: the completion may or may not have reached the engine. */
  private static final Duration ENGINE_BUSY = Duration.ofSeconds(1);

  private final TaskBoard board;

  AcceptStage(TaskBoard board) {
    this.board = board;
  }

  @Override
  public String name() {
    return "assignment";
  }

  @Override
  public CompletableFuture<Void> drive(Journey journey, PlatformHttp http) {
    return board.responseTaskOf(journey.requestId)
        .thenCompose(
            task -> {
              if (task.assignee() == null || task.assignee().isEmpty()) {
                throw new IllegalStateException("the case is offered to the group, not to a specialist: " + task);
              }
              journey.specialist = task.assignee();
              String body = "{\"variables\":{\"" + HelpRequestProcess.Variables.ASSIGNMENT_RESPONSE + "\":\"accept\"}}";
              int resentBefore = http.resent();
              return http.postUntilAccepted(
                      Logins.specialist(task.assignee()), "/api/v1/tasks/" + task.id() + "/complete", body, ENGINE_BUSY)
                  .thenAccept(
                      response -> {
                        // 404 after a call sent again: an earlier completion reached the engine, the task is done.
                        boolean doneEarlier = response.statusCode() == 404 && http.resent() > resentBefore;
                        if (response.statusCode() != 204 && !doneEarlier) {
                          throw new IllegalStateException(
                              "accepting the case answered " + response.statusCode() + ": " + response.body());
                        }
                      });
            });
  }
}
