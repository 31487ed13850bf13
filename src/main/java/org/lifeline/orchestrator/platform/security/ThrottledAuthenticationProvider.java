package org.lifeline.orchestrator.platform.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A password login (HTTP Basic on the API, the console's form) through {@link LoginThrottle}: refused without a check
 * while the account must wait on this address or the address must wait, counted when wrong, cleared when right. Wraps the provider that checks
 * the password, so a provider for staff accounts in the database can be wrapped the same way.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

  static final String UNKNOWN_ADDRESS = "unknown";

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;

  public ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication login) throws AuthenticationException {
    String account = login.getName();
    String address = addressOf(login);
    Optional<Duration> wait = throttle.waitFor(account, address);
    if (wait.isPresent()) {
      throw new LoginThrottledException(wait.get());
    }
    Authentication authenticated;
    try {
      authenticated = passwords.authenticate(login);
    } catch (BadCredentialsException wrong) {
      throttle.failed(account, address);
      throw wrong;
    }
    if (authenticated != null) {
      throttle.succeeded(account, address);
    }
    return authenticated;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }

  private static String addressOf(Authentication login) {
    return login.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : UNKNOWN_ADDRESS;
  }
}
