package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.lifeline.orchestrator.audit.AuditedRead;
import org.lifeline.orchestrator.conversation.AuthorLabels;
import org.lifeline.orchestrator.conversation.ContentAccess;
import org.lifeline.orchestrator.conversation.ConversationView;
import org.lifeline.orchestrator.conversation.Conversations;
import org.lifeline.orchestrator.conversation.StaffCaller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The curator console: server-rendered pages over {@link CuratorTasks} (the same rules as the task
 * API), with the task's Camunda Form rendered in the browser by form-js.
 */
@Controller
@RequestMapping("/console")
class ConsoleController {

  private static final String INBOX = "redirect:/console/tasks";

  private final CuratorTasks tasks;
  private final Conversations conversations;
  private final ContentAccess access;
  private final AuthorLabels authors;
  private final ObjectProvider<OpenWorkSummary> openWork;
  private final ObjectMapper json;
  private final Clock clock;

  ConsoleController(
      CuratorTasks tasks,
      Conversations conversations,
      ContentAccess access,
      AuthorLabels authors,
      ObjectProvider<OpenWorkSummary> openWork,
      ObjectMapper json,
      Clock clock) {
    this.tasks = tasks;
    this.conversations = conversations;
    this.access = access;
    this.authors = authors;
    this.openWork = openWork;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/login")
  String login(@RequestParam(required = false) String throttled, Model model) {
    model.addAttribute("waitMinutes", waitMinutes(throttled));
    return "console/login";
  }

  /** The wait the login throttle named (seconds), in whole minutes; a tampered value shows the longest. */
  private static long waitMinutes(String seconds) {
    try {
      return Math.max(1, (Long.parseLong(seconds) + 59) / 60);
    } catch (NumberFormatException notSeconds) {
      return 15;
    }
  }

  @GetMapping({"", "/"})
  String home() {
    return INBOX;
  }

  @GetMapping("/tasks")
  String inbox(Authentication authentication, Model model) {
    Caller caller = Caller.of(authentication);
    model.addAttribute("caller", caller);
    model.addAttribute("tasks", tasks.list(caller, new TaskQuery(null, null)));
    model.addAttribute("now", clock.instant());
    model.addAttribute(
        "boardSummary", openWork.stream().flatMap(summary -> summary.summaryFor(caller).stream()).findFirst().orElse(null));
    return "console/inbox";
  }

  @GetMapping("/tasks/{id}")
  @AuditedRead
  String task(@PathVariable String id, Authentication authentication, Model model, RedirectAttributes redirect)
      throws JsonProcessingException {
    Caller caller = Caller.of(authentication);
    TaskDetail detail;
    try {
      detail = tasks.get(caller, id);
    } catch (TaskNotFoundException gone) {
      redirect.addFlashAttribute("message", "That task is no longer open.");
      return INBOX;
    }
    model.addAttribute("caller", caller);
    model.addAttribute("detail", detail);
    model.addAttribute("claimedByMe", detail.task().isAssignedTo(caller.username()));
    addConversation(detail, StaffCaller.of(authentication), model);
    // Inside a <script> element: "<" is escaped so no form text can close the element.
    model.addAttribute(
        "formSchema", detail.form() == null ? null : json.writeValueAsString(detail.form()).replace("<", "\\u003c"));
    model.addAttribute("formVariables", json.writeValueAsString(detail.formVariables()).replace("<", "\\u003c"));
    return "console/task";
  }

  /**
   * What the person wrote and answered, for those with a need to know (the specialist asked to accept the case, the
   * curators of a curator task, the supervisor of an escalation), so the task can be decided on this page.
   */
  private void addConversation(TaskDetail detail, StaffCaller reader, Model model) {
    if (detail.request() == null || !access.mayRead(reader, detail.request().id())) {
      return;
    }
    ConversationView conversation = conversations.read(reader, detail.request().id(), "en");
    model.addAttribute("conversation", conversation);
    model.addAttribute("authors", authors.of(reader, conversation.messages()));
    model.addAttribute("mayWrite", access.mayReply(reader, detail.request().id()).isPresent());
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    return act(id, redirect, () -> tasks.claim(Caller.of(authentication), id));
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    return act(id, redirect, () -> tasks.unclaim(Caller.of(authentication), id));
  }

  /** Called by the page's script with the form's values; answers like the task API. */
  @PostMapping("/tasks/{id}/complete")
  @ResponseBody
  ResponseEntity<ProblemDetail> complete(
      @PathVariable String id, @RequestBody TaskController.CompleteTask body, Authentication authentication) {
    try {
      tasks.complete(Caller.of(authentication), id, body.variables() == null ? Map.of() : body.variables());
      return ResponseEntity.noContent().build();
    } catch (FormValidationException invalid) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
      problem.setProperty("errors", invalid.errors());
      return ResponseEntity.badRequest().body(problem);
    } catch (TaskNotFoundException gone) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The task is no longer open"));
    } catch (TaskConflictException conflict) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage()));
    }
  }

  private static String act(String id, RedirectAttributes redirect, Runnable action) {
    try {
      action.run();
    } catch (TaskNotFoundException gone) {
      redirect.addFlashAttribute("message", "That task is no longer open.");
      return INBOX;
    } catch (TaskConflictException conflict) {
      redirect.addFlashAttribute("message", conflict.getMessage());
    } catch (OptimisticLockingFailureException concurrentChange) {
      redirect.addFlashAttribute("message", "Someone else changed the task just now.");
    }
    return "redirect:/console/tasks/" + id;
  }
}
