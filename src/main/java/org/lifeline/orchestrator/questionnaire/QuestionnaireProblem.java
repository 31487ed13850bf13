package org.lifeline.orchestrator.questionnaire;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A questionnaire answer or request the API refuses; carries the question to ask (again) where there is one. */
class QuestionnaireProblem extends ErrorResponseException {

  private QuestionnaireProblem(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** The answer does not fit the question: 400, with what is expected and the question again. */
  static QuestionnaireProblem invalidAnswer(String message, QuestionView question) {
    QuestionnaireProblem problem = new QuestionnaireProblem(HttpStatus.BAD_REQUEST, "Invalid answer", message);
    problem.getBody().setProperty("errors", java.util.List.of(new FieldProblem("answer", message)));
    problem.getBody().setProperty("question", question);
    return problem;
  }

  static QuestionnaireProblem unknownQuestion(String questionId) {
    String message = "is not a question of this questionnaire";
    QuestionnaireProblem problem =
        new QuestionnaireProblem(HttpStatus.BAD_REQUEST, "Invalid answer", "questionId '" + questionId + "' " + message);
    problem.getBody().setProperty("errors", java.util.List.of(new FieldProblem("questionId", message)));
    return problem;
  }

  /** An answer to another question than the one that is due: 409, with the due question. */
  static QuestionnaireProblem notTheNextQuestion(String questionId, QuestionView next) {
    QuestionnaireProblem problem =
        new QuestionnaireProblem(
            HttpStatus.CONFLICT,
            "Not the next question",
            next == null
                ? "The questionnaire is complete; '" + questionId + "' cannot be answered any more"
                : "'" + questionId + "' is not the question to answer now; the next question is '" + next.id() + "'");
    problem.getBody().setProperty("question", next);
    return problem;
  }

  static QuestionnaireProblem alreadyAnswered(String questionId) {
    return new QuestionnaireProblem(
        HttpStatus.CONFLICT, "Already answered", "'" + questionId + "' was already answered differently");
  }

  /**
   * The request does not take answers in its status (closed, under review, not qualified yet): 409 with the request's
   * status as {@code requestStatus} ({@code status} is the HTTP status, as in every problem).
   */
  static QuestionnaireProblem notOpen(String requestStatus, String detail) {
    QuestionnaireProblem problem = new QuestionnaireProblem(HttpStatus.CONFLICT, "Questionnaire not open", detail);
    problem.getBody().setProperty("requestStatus", requestStatus);
    return problem;
  }

  /** The answer is stored but the engine could not be told; sending the same answer again is safe. */
  static QuestionnaireProblem engineUnavailable() {
    return new QuestionnaireProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Engine unavailable",
        "The answer is stored, but the workflow engine cannot be reached; send the same answer again later");
  }

  record FieldProblem(String field, String message) {}
}
