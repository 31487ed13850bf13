package org.lifeline.orchestrator.platform.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Everyone who logs in with a password: the configured users first (the bootstrap administrator, the demo users of
 * the embedded mode), then each {@link StaffLoginDirectory}. One directory behind one password check, so a wrong
 * password is counted once by the login throttle whichever list the account is in.
 */
class PeopleDirectory implements UserDetailsService {

  private final UserDetailsService configured;
  private final List<StaffLoginDirectory> directories;

  PeopleDirectory(UserDetailsService configured, List<StaffLoginDirectory> directories) {
    this.configured = configured;
    this.directories = List.copyOf(directories);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    try {
      return configured.loadUserByUsername(username);
    } catch (UsernameNotFoundException notConfigured) {
      for (StaffLoginDirectory directory : directories) {
        try {
          return directory.loadUserByUsername(username);
        } catch (UsernameNotFoundException notThere) {
          // the next directory may know them
        }
      }
      throw notConfigured;
    }
  }

  /**
   * The account of a staff login directory with this name, if it is not a configured user: what an administrator can
   * change (disable, roles) while the person is signed in. Configured users change only with a restart.
   */
  Optional<UserDetails> staffAccount(String username) {
    try {
      configured.loadUserByUsername(username);
      return Optional.empty();
    } catch (UsernameNotFoundException notConfigured) {
      for (StaffLoginDirectory directory : directories) {
        try {
          return Optional.of(directory.loadUserByUsername(username));
        } catch (UsernameNotFoundException notThere) {
          // the next directory may know them
        }
      }
      return Optional.empty();
    }
  }
}
