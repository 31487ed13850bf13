package org.lifeline.orchestrator.curator;

import java.util.List;

/** Submitted form values that do not fit the form; nothing was sent to the engine. */
public class FormValidationException extends RuntimeException {

  private final List<FieldError> errors;

  public FormValidationException(List<FieldError> errors) {
    super(errors.stream().map(error -> error.field() + " " + error.message()).sorted().reduce((a, b) -> a + "; " + b).orElse("invalid"));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  public record FieldError(String field, String message) {}
}
