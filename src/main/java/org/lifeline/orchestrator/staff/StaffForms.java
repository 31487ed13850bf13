package org.lifeline.orchestrator.staff;

import jakarta.validation.Validator;
import java.util.List;

/** The console's forms checked like the API's bodies, their problems as sentences for the page. */
final class StaffForms {

  private StaffForms() {}

  static List<String> problems(Validator validator, Object form) {
    return validator.validate(form).stream()
        .map(violation -> label(violation.getPropertyPath().toString()) + " " + violation.getMessage())
        .sorted()
        .toList();
  }

  static List<String> describe(StaffProblems.InvalidPassword invalid) {
    String label = label(invalid.field());
    return invalid.messages().stream().map(message -> label + " " + message).toList();
  }

  private static String label(String field) {
    return switch (field) {
      case "username" -> "User name";
      case "displayName" -> "Name";
      case "email" -> "E-mail";
      case "roles" -> "Roles";
      case "currentPassword" -> "Current password";
      case "newPassword", "password" -> "The password";
      default -> field;
    };
  }
}
