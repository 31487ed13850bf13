package org.lifeline.orchestrator.staff;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A staff member with the invitation just made for them: its link is in this answer only. */
public record InvitedStaff(@JsonUnwrapped StaffView staff, Invitation invitation) {

  public String username() {
    return staff.username();
  }
}
