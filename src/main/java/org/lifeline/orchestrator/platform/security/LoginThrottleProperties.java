package org.lifeline.orchestrator.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailures failed logins of one account in a row before it must wait
 * @param addressMaxFailures failed logins (any account, or a wrong API key) from one address before it must wait
 * @param lockout the first wait; it doubles with each further failure
 * @param maxLockout the longest wait; failures this long ago are forgotten
 */
@ConfigurationProperties("lifeline.security.login-throttle")
public record LoginThrottleProperties(Integer maxFailures, Integer addressMaxFailures, Duration lockout, Duration maxLockout) {

  public LoginThrottleProperties {
    maxFailures = maxFailures == null ? 5 : maxFailures;
    addressMaxFailures = addressMaxFailures == null ? 20 : addressMaxFailures;
    lockout = lockout == null ? Duration.ofMinutes(1) : lockout;
    maxLockout = maxLockout == null ? Duration.ofMinutes(15) : maxLockout;
  }
}
