package org.lifeline.orchestrator.conversation;

import java.util.Optional;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The names staff write under. The person never sees a login name: a staff account's display name, else the
 * specialist's registered name, else no name at all (the channel shows the words as the line's). Colleagues in the
 * console may see the username as the last resort.
 */
@Component
public class StaffNames {

  private final StaffDirectory directory;
  private final AssignmentService assignment;

  StaffNames(StaffDirectory directory, AssignmentService assignment) {
    this.directory = directory;
    this.assignment = assignment;
  }

  /** The name the person sees this staff member's words under, if they have one. */
  public Optional<String> shownToThePerson(String username) {
    return directory.displayName(username).or(() -> assignment.nameOf(username));
  }

  /** The name colleagues see this staff member under in the console. */
  public String shownToColleagues(String username) {
    return shownToThePerson(username).orElse(username);
  }
}
