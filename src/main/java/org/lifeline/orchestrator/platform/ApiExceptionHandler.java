package org.lifeline.orchestrator.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem+json; invalid input names the field and what is wrong
 * with it, so a bot or form can tell the person what to fix.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), messageOf(error)))
            .toList();
    return badRequest(errors, headers, ex, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
            .toList();
    return badRequest(errors, headers, ex, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
        return handleExceptionInternal(
            ex, RequestSizeLimitFilter.tooLarge(tooLarge.maxBytes), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
      }
    }
    Optional<String> duplicate = duplicateKey(ex);
    if (duplicate.isPresent()) {
      return badRequest(List.of(new FieldProblem(duplicate.get(), "is given more than once")), headers, ex, request);
    }
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
              .collect(Collectors.joining("."));
      return badRequest(List.of(new FieldProblem(field, describe(mapping))), headers, ex, request);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' has an invalid value");
    problem.setProperty("errors", List.of(new FieldProblem(ex.getName(), "has an invalid format")));
    return problem;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException ex) {
    List<FieldProblem> errors =
        ex.getConstraintViolations().stream()
            .map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
            .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
    problem.setProperty("errors", errors);
    return problem;
  }

  /** The database cannot be reached: see {@link DatabaseUnavailable}. */
  @ExceptionHandler({
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessResourceException.class,
    SQLTransientConnectionException.class,
    SQLNonTransientConnectionException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
    return DatabaseUnavailable.answer(ex);
  }

  private ResponseEntity<Object> badRequest(
      List<FieldProblem> errors, HttpHeaders headers, Exception ex, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String summary(List<FieldProblem> errors) {
    return errors.stream().map(error -> error.field() + " " + error.message()).sorted().collect(Collectors.joining("; "));
  }

  private static String messageOf(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String describe(JsonMappingException mapping) {
    if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
      return instantiation.getCause().getMessage();
    }
    if (mapping instanceof StrictJsonConfiguration.ControlCharacters) {
      return PlainText.MESSAGE;
    }
    if (mapping instanceof InvalidFormatException format) {
      Throwable cause = format.getCause();
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
        return cause.getMessage();
      }
      Class<?> type = format.getTargetType();
      if (format.getValue() instanceof String && type != null && !type.isEnum() && !expectsJsonScalar(type)) {
        return "has an invalid value for type " + type.getSimpleName();
      }
    }
    if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return expected(mismatch.getTargetType());
    }
    return "has the wrong type";
  }

  private static boolean expectsJsonScalar(Class<?> type) {
    return type == String.class || type == Boolean.class || type == boolean.class || Number.class.isAssignableFrom(type)
        || type.isPrimitive();
  }

  /** What the field takes, in JSON's words (the contract is JSON, not Java). */
  private static String expected(Class<?> type) {
    if (type == String.class || type == Character.class || type == char.class) {
      return "must be a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
      return "must be a number";
    }
    if (type.isEnum()) {
      return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be an array";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "must be a date and time as text, such as 2026-11-23T10:00:00Z";
    }
    return "has the wrong type";
  }

  /**
   * The key given twice in one object, as a path ({@code shifts.[0].day}); the parser reports it, so the position is
   * read from where the parser stopped.
   */
  private static Optional<String> duplicateKey(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamReadException read
          && read.getOriginalMessage() != null
          && read.getOriginalMessage().startsWith("Duplicate field")
          && read.getProcessor() instanceof JsonParser parser) {
        List<String> names = new java.util.ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot(); context = context.getParent()) {
          names.add(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.getCurrentName());
        }
        return Optional.of(String.join(".", names));
      }
    }
    return Optional.empty();
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  record FieldProblem(String field, String message) {}
}
