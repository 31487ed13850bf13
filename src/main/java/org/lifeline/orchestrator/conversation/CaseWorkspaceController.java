package org.lifeline.orchestrator.conversation;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.audit.AccessAudit;
import org.lifeline.orchestrator.audit.AccessKind;
import org.lifeline.orchestrator.audit.AuditedRead;
import org.lifeline.orchestrator.care.CareService;
import org.lifeline.orchestrator.escalation.EscalationSignals;
import org.lifeline.orchestrator.escalation.SignalSource;
import org.lifeline.orchestrator.platform.ConflictRetry;
import org.lifeline.orchestrator.platform.PlainText;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.RequestLifecycle;
import org.lifeline.orchestrator.request.RequestNotFoundException;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The specialist's workspace in the console: <em>My cases</em> (refreshed in the page without a reload) and one case
 * with its conversation and answers, a reply box with canned responses, recording a session, closing the case and
 * flagging a risk. The same services and rules as the API; every read of content is audited.
 */
@Controller
@RequestMapping("/console/cases")
class CaseWorkspaceController {

  /** The reason codes a flag from the case page may carry (codes, never a description). */
  static final List<String> FLAG_REASONS =
      List.of("concern", "disclosed-plan", "self-harm", "harm-to-others", "violence-at-home", "other");

  static final List<String> CANNED_LANGUAGES = List.of("en", "ru", "uk");

  private static final String NOT_OPEN = "That case is not open to you.";

  private final MyCases myCases;
  private final Conversations conversations;
  private final Replies replies;
  private final ContentAccess access;
  private final CannedResponses canned;
  private final CareService care;
  private final EscalationSignals signals;
  private final AuthorLabels authors;
  private final RequestLifecycle lifecycle;
  private final AccessAudit audit;
  private final Validator validator;
  private final Clock clock;

  CaseWorkspaceController(
      MyCases myCases,
      Conversations conversations,
      Replies replies,
      ContentAccess access,
      CannedResponses canned,
      CareService care,
      EscalationSignals signals,
      AuthorLabels authors,
      RequestLifecycle lifecycle,
      AccessAudit audit,
      Validator validator,
      Clock clock) {
    this.myCases = myCases;
    this.conversations = conversations;
    this.replies = replies;
    this.access = access;
    this.canned = canned;
    this.care = care;
    this.signals = signals;
    this.authors = authors;
    this.lifecycle = lifecycle;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
  }

  @GetMapping({"", "/"})
  String list(Authentication authentication, Model model) {
    StaffCaller caller = StaffCaller.of(authentication);
    model.addAttribute("caller", caller);
    model.addAttribute("rows", rows(caller));
    return "console/cases";
  }

  /** The list's rows alone: the page asks for them every few seconds (counts and times, no content). */
  @GetMapping("/rows")
  String rows(Authentication authentication, Model model) {
    model.addAttribute("rows", rows(StaffCaller.of(authentication)));
    return "console/cases :: rows";
  }

  @GetMapping("/{requestId}")
  @AuditedRead
  String show(
      @PathVariable UUID requestId,
      @RequestParam(defaultValue = "en") String language,
      Authentication authentication,
      Model model,
      HttpServletResponse response) {
    StaffCaller caller = StaffCaller.of(authentication);
    ConversationView conversation;
    try {
      conversation = conversations.read(caller, requestId, CANNED_LANGUAGES.contains(language) ? language : "en");
    } catch (ErrorResponseException notForYou) {
      // The caller's own cases with a message, answered as an error: nothing of this case was shown (nor audited).
      response.setStatus(notForYou.getStatusCode().value());
      model.addAttribute("message", NOT_OPEN);
      return list(authentication, model);
    }
    HelpRequest request = lifecycle.get(requestId);
    boolean holder = access.holds(caller, requestId);
    model.addAttribute("caller", caller);
    model.addAttribute("request", request);
    model.addAttribute("conversation", conversation);
    model.addAttribute("authors", authors.of(caller, conversation.messages()));
    model.addAttribute("lastMessageId", lastId(conversation.messages()));
    model.addAttribute("holder", holder);
    model.addAttribute("accepted", request.getStatus() == RequestStatus.IN_PROGRESS);
    model.addAttribute("writer", access.mayReply(caller, requestId).orElse(null));
    model.addAttribute("canned", cannedByLanguage(request.getLanguage()));
    model.addAttribute("outcomes", List.of("helped", "referred", "no-show", "withdrawn"));
    model.addAttribute("flagReasons", FLAG_REASONS);
    model.addAttribute("language", language);
    model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
    return "console/case";
  }

  /** New messages since the last one the page shows; each non-empty answer is an audited read of content. */
  @GetMapping("/{requestId}/messages")
  String newMessages(
      @PathVariable UUID requestId, @RequestParam long after, Authentication authentication, Model model) {
    StaffCaller caller = StaffCaller.of(authentication);
    List<MessageView> shown;
    try {
      shown = conversations.readAfter(caller, requestId, after);
    } catch (RequestNotFoundException | ContentAccessDeniedException notForYou) {
      AccessAudit.refusedWith(notForYou.getStatusCode());
      throw notForYou;
    }
    if (!shown.isEmpty()) {
      audit.record(
          caller.username(),
          AccessKind.READ,
          "GET /console/cases/{requestId}/messages",
          requestId,
          "requestId=" + requestId,
          200);
    }
    model.addAttribute("messages", shown);
    model.addAttribute("authors", authors.of(caller, shown));
    return "console/case :: messages";
  }

  @PostMapping("/{requestId}/replies")
  String reply(
      @PathVariable UUID requestId,
      @RequestParam(defaultValue = "") String text,
      Authentication authentication,
      RedirectAttributes redirect) {
    String problem = problemOf(new ConversationController.ReplyInput(text));
    if (problem != null) {
      redirect.addFlashAttribute("replyError", "The reply was not sent: it " + problem + ".");
      redirect.addFlashAttribute("draft", text);
      return backTo(requestId);
    }
    StaffCaller caller = StaffCaller.of(authentication);
    return act(requestId, redirect, "Your reply is on its way to the person.", () -> {
      try {
        replies.reply(caller, requestId, text, null);
      } catch (DataIntegrityViolationException raced) {
        replies.reply(caller, requestId, text, null);
      }
    });
  }

  @PostMapping("/{requestId}/sessions")
  String recordSession(
      @PathVariable UUID requestId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
      @RequestParam(required = false) Integer durationMinutes,
      @RequestParam(defaultValue = "") String note,
      Authentication authentication,
      RedirectAttributes redirect) {
    if (at == null || durationMinutes == null || durationMinutes < 1 || durationMinutes > 600 || note.length() > 2000
        || !PlainText.isPlain(note)) {
      redirect.addFlashAttribute(
          "sessionError",
          "The session was not recorded: give its start, a duration of 1-600 minutes and at most 2000 characters of"
              + " notes without control characters.");
      return backTo(requestId);
    }
    CareService.CaseCaller caller = new CareService.CaseCaller(authentication.getName(), false);
    Instant heldAt = at.toInstant(ZoneOffset.UTC);
    return act(requestId, redirect, "The session is recorded.", () ->
        care.recordSession(requestId, caller, heldAt, durationMinutes, note.isBlank() ? null : note));
  }

  @PostMapping("/{requestId}/closure")
  String close(
      @PathVariable UUID requestId,
      @RequestParam(defaultValue = "") String outcome,
      Authentication authentication,
      RedirectAttributes redirect) {
    if (!outcome.matches(org.lifeline.orchestrator.care.CaseOutcomes.PATTERN)) {
      redirect.addFlashAttribute("closeError", "Choose how the case ended.");
      return backTo(requestId);
    }
    CareService.CaseCaller caller = new CareService.CaseCaller(authentication.getName(), false);
    String next = act(requestId, redirect, "The case is closed (" + outcome + ").", () ->
        ConflictRetry.run(() -> care.close(requestId, caller, outcome)));
    return redirect.getFlashAttributes().containsKey("error") ? next : "redirect:/console/cases";
  }

  @PostMapping("/{requestId}/risk-flags")
  String flag(
      @PathVariable UUID requestId,
      @RequestParam(defaultValue = "") String level,
      @RequestParam(defaultValue = "") String reasonCode,
      Authentication authentication,
      RedirectAttributes redirect) {
    if (!Set.of("LOW", "MEDIUM", "HIGH").contains(level) || !FLAG_REASONS.contains(reasonCode)) {
      redirect.addFlashAttribute("flagError", "Choose a level and a reason for the flag.");
      return backTo(requestId);
    }
    StaffCaller caller = StaffCaller.of(authentication);
    String message =
        "HIGH".equals(level) || "MEDIUM".equals(level)
            ? "Risk flagged " + level + ": the person gets crisis resources and the on-duty supervisor is alerted."
            : "Risk flagged LOW: recorded for review.";
    return act(requestId, redirect, message, () -> {
      access.requireRead(caller, requestId);
      ConflictRetry.run(
          () -> signals.raise(requestId, RiskLevel.valueOf(level), SignalSource.FLAG, reasonCode, caller.username()));
    });
  }

  private String act(UUID requestId, RedirectAttributes redirect, String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
    } catch (RequestNotFoundException | ContentAccessDeniedException notForYou) {
      AccessAudit.refusedWith(notForYou.getStatusCode());
      redirect.addFlashAttribute("message", NOT_OPEN);
      return "redirect:/console/cases";
    } catch (ErrorResponseException refused) {
      AccessAudit.refusedWith(refused.getStatusCode()); // a case not held by the caller (404) is a refusal
      String detail = refused.getBody().getDetail();
      redirect.addFlashAttribute("error", detail == null ? "That is not possible now." : detail);
    }
    return backTo(requestId);
  }

  /** What is wrong with the reply, by the API's rules; null when nothing is. */
  private String problemOf(ConversationController.ReplyInput input) {
    Set<ConstraintViolation<ConversationController.ReplyInput>> violations = validator.validate(input);
    if (violations.isEmpty()) {
      return null;
    }
    return violations.stream().map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; "));
  }

  private static String backTo(UUID requestId) {
    return "redirect:/console/cases/" + requestId;
  }

  private List<CaseRow> rows(StaffCaller caller) {
    Instant now = clock.instant();
    return myCases.of(caller.username()).stream().map(summary -> CaseRow.of(summary, caller.username(), now)).toList();
  }

  /** Canned responses grouped by language, the request's language first. */
  private Map<String, List<CannedResponseView>> cannedByLanguage(String requestLanguage) {
    List<String> order = new ArrayList<>(CANNED_LANGUAGES);
    if (requestLanguage != null && order.remove(requestLanguage)) {
      order.add(0, requestLanguage);
    }
    Map<String, List<CannedResponseView>> grouped = new LinkedHashMap<>();
    order.forEach(language -> grouped.put(language, canned.list(language)));
    return grouped;
  }

  private static long lastId(List<MessageView> messages) {
    return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id();
  }

  /** A row of My cases with its times put in words. */
  record CaseRow(CaseSummary summary, String waiting, String lastMessage, String held) {

    static CaseRow of(CaseSummary summary, String me, Instant now) {
      CaseSummary.LastMessage last = summary.lastMessage();
      String lastMessage =
          last == null
              ? "—"
              : (last.direction() == Direction.IN
                      ? "Person"
                      : last.author().equals(me) ? "You" : "system".equals(last.author()) ? "Lifeline" : last.author())
                  + ", " + ago(last.at(), now);
      return new CaseRow(
          summary,
          summary.waitingSince() == null ? "—" : human(Duration.between(summary.waitingSince(), now)),
          lastMessage,
          ago(summary.heldSince(), now));
    }

    private static String ago(Instant at, Instant now) {
      return human(Duration.between(at, now)) + " ago";
    }

    static String human(Duration duration) {
      long minutes = Math.max(0, duration.toMinutes());
      if (minutes < 60) {
        return minutes + " min";
      }
      if (minutes < 24 * 60) {
        return minutes / 60 + " h " + minutes % 60 + " min";
      }
      return minutes / (24 * 60) + " d " + minutes % (24 * 60) / 60 + " h";
    }
  }
}
