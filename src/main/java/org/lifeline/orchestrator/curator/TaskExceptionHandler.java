package org.lifeline.orchestrator.curator;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Task API errors as problem+json; invalid form values name each field. */
@RestControllerAdvice(assignableTypes = TaskController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(TaskExceptionHandler.class);

  @ExceptionHandler(TaskNotFoundException.class)
  ProblemDetail notFound(TaskNotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(TaskConflictException.class)
  ProblemDetail conflict(TaskConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  /** Two people claimed the same task at the same moment: the second one loses. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
    // Which row changed tells whether it was really the task (a claim) or a row a form's handling writes.
    log.info("Task call refused with 409, a concurrent change: {}", e.getMessage());
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Someone else changed the task just now");
  }

  @ExceptionHandler(FormValidationException.class)
  ProblemDetail invalidForm(FormValidationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid form values");
    List<FormValidationException.FieldError> errors = e.errors();
    problem.setProperty("errors", errors);
    return problem;
  }
}
