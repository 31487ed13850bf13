package org.lifeline.orchestrator.questionnaire;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.audit.AuditedRead;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/requests/{requestId}/questionnaire")
@Tag(name = "Questionnaire")
@PreAuthorize("hasAnyRole('INTEGRATOR', 'CURATOR', 'ADMIN')")
class QuestionnaireController {

  private static final String LANGUAGE = "[a-z]{2}";
  private static final String LANGUAGE_MESSAGE = "must be a language code such as en, ru or uk";

  private final QuestionnaireService service;
  private final QuestionnaireDialogue dialogue;

  QuestionnaireController(QuestionnaireService service, QuestionnaireDialogue dialogue) {
    this.service = service;
    this.dialogue = dialogue;
  }

  @GetMapping("/next")
  @AuditedRead
  @Operation(
      summary = "The question to ask now",
      description =
          "In the request's language unless `language` is given. `complete: true` and no question once every required"
              + " question is answered. 409 while the questionnaire is not open (qualification, curator review, closed).")
  NextQuestion next(
      @PathVariable UUID requestId,
      @RequestParam(required = false) @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String language) {
    QuestionnaireService.Sheet sheet = service.openSheet(requestId);
    String shownIn = language != null ? language : sheet.request().getLanguage();
    Optional<Question> next = sheet.next();
    return new NextQuestion(
        requestId, next.isEmpty(), next.map(question -> QuestionView.of(question, shownIn)).orElse(null), ProgressView.of(sheet));
  }

  @PostMapping(path = "/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Answer the question due now",
      description =
          "Stores the answer and returns the next question. An invalid answer is 400 with what is expected and the"
              + " `question` again; an answer to another question than the one due is 409 with the due `question`."
              + " Sending the same answer again is harmless. An empty answer skips an optional question.")
  AnswerResult answer(
      @PathVariable UUID requestId,
      @Valid @RequestBody AnswerBody body,
      @RequestParam(required = false) @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String language,
      Principal principal) {
    String shownIn = language != null ? language : service.sheet(requestId).request().getLanguage();
    QuestionnaireService.Answered answered =
        dialogue.answer(requestId, body.questionId(), body.answer(), shownIn, principal.getName());
    return new AnswerResult(
        requestId,
        answered.questionId(),
        answered.replayed(),
        answered.progress().complete(),
        answered.next().map(question -> QuestionView.of(question, shownIn)).orElse(null),
        ProgressView.of(service.sheet(requestId)));
  }

  @GetMapping("/progress")
  @AuditedRead
  @Operation(summary = "How far the person has got, the request's status and risk level")
  ProgressView progress(@PathVariable UUID requestId) {
    return ProgressView.of(service.sheet(requestId));
  }

  /**
   * @param answer the person's answer as typed or picked (an option's value or label); empty skips an optional question
   */
  record AnswerBody(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-zA-Z0-9-]*", message = "must be a question id such as topic")
          String questionId,
      @Size(max = 8000) String answer) {}

  record NextQuestion(UUID requestId, boolean complete, QuestionView question, ProgressView progress) {}

  record AnswerResult(
      UUID requestId, String questionId, boolean replayed, boolean complete, QuestionView next, ProgressView progress) {}

  record ProgressView(
      int answered, int total, int remainingRequired, boolean complete, RequestStatus status, RiskLevel riskLevel) {

    static ProgressView of(QuestionnaireService.Sheet sheet) {
      Progress progress = sheet.progress();
      return new ProgressView(
          progress.answered(),
          progress.total(),
          progress.remainingRequired(),
          progress.complete(),
          sheet.request().getStatus(),
          sheet.request().getRiskLevel());
    }
  }
}
