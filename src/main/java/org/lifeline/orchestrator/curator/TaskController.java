package org.lifeline.orchestrator.curator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.lifeline.orchestrator.audit.AuditedRead;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The task API: the same for the embedded inbox and a Camunda cluster's user tasks. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
@PreAuthorize("hasAnyRole('CURATOR', 'SPECIALIST', 'SUPERVISOR', 'ADMIN')")
class TaskController {

  private final CuratorTasks tasks;

  TaskController(CuratorTasks tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  @Operation(summary = "Open tasks the caller may see, oldest first; filter by candidate group and assignee")
  List<CuratorTask> list(
      @RequestParam(required = false) String candidateGroup,
      @RequestParam(required = false) String assignee,
      Authentication authentication) {
    return tasks.list(Caller.of(authentication), new TaskQuery(candidateGroup, assignee));
  }

  @GetMapping("/{id}")
  @AuditedRead
  @Operation(summary = "A task with its form schema, its request and the person's other requests")
  TaskDetail get(@PathVariable String id, Authentication authentication) {
    return tasks.get(Caller.of(authentication), id);
  }

  @PostMapping("/{id}/claim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Assign the task to the caller (409 if someone else holds it)")
  void claim(@PathVariable String id, Authentication authentication) {
    tasks.claim(Caller.of(authentication), id);
  }

  @PostMapping("/{id}/unclaim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Give the task back to its candidate groups")
  void unclaim(@PathVariable String id, Authentication authentication) {
    tasks.unclaim(Caller.of(authentication), id);
  }

  @PostMapping("/{id}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Complete a task claimed by the caller with the form's values (validated against the form)")
  void complete(@PathVariable String id, @RequestBody(required = false) CompleteTask body, Authentication authentication) {
    tasks.complete(Caller.of(authentication), id, body == null || body.variables() == null ? Map.of() : body.variables());
  }

  record CompleteTask(Map<String, Object> variables) {}
}
