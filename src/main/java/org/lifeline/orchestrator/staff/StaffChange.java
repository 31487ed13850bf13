package org.lifeline.orchestrator.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an administrator may change about a staff member (the username stays). */
public record StaffChange(
    @NotBlank @Size(max = 200) String displayName,
    @Email @Size(max = 254) String email,
    @NotEmpty Set<@NotNull StaffRole> roles) {

  public StaffChange {
    email = email == null || email.isBlank() ? null : email.strip();
    displayName = displayName == null ? null : displayName.strip();
  }
}
