package org.lifeline.orchestrator.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A new staff member.
 *
 * @param username their login: lower-case letters, digits and {@code . _ @ -}, 2-64 characters; also the console
 *     username a specialist record refers to
 */
public record StaffDraft(
    @NotBlank @Pattern(regexp = StaffDraft.USERNAME, message = StaffDraft.USERNAME_RULE) String username,
    @NotBlank @Size(max = 200) String displayName,
    @Email @Size(max = 254) String email,
    @NotEmpty Set<@NotNull StaffRole> roles) {

  public static final String USERNAME = "[a-z0-9][a-z0-9._@-]{1,63}";
  public static final String USERNAME_RULE = "must be 2-64 lower-case letters, digits and . _ @ -, starting with a letter or digit";

  public StaffDraft {
    email = email == null || email.isBlank() ? null : email.strip();
    displayName = displayName == null ? null : displayName.strip();
  }
}
