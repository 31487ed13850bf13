package org.lifeline.orchestrator.staff;

import java.util.Locale;
import org.lifeline.orchestrator.platform.security.StaffLoginDirectory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff accounts as password logins (HTTP Basic on the API, the console's form), read afresh on every call: a
 * password just set works at once, a disabled account is refused at its next call. An invited account without a
 * password yet is not found.
 */
@Component
class StaffLogins implements StaffLoginDirectory {

  private final StaffAccountRepository accounts;

  StaffLogins(StaffAccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    StaffAccount account =
        accounts.findByUsername(username.toLowerCase(Locale.ROOT))
            .filter(found -> found.getPasswordHash() != null)
            .orElseThrow(() -> new UsernameNotFoundException("No staff login"));
    return User.withUsername(account.getUsername())
        .password(account.getPasswordHash())
        .authorities(account.getRoles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
        .disabled(!account.isEnabled())
        .build();
  }
}
