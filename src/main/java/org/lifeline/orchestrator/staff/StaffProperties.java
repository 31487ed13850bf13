package org.lifeline.orchestrator.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param invitationValidity how long a one-time link to set a password works
 * @param telegramCodeValidity how long a code to link a Telegram chat works
 * @param minPasswordLength the shortest password accepted
 */
@ConfigurationProperties("lifeline.staff")
record StaffProperties(Duration invitationValidity, Duration telegramCodeValidity, Integer minPasswordLength) {

  StaffProperties {
    invitationValidity = invitationValidity == null ? Duration.ofDays(7) : invitationValidity;
    telegramCodeValidity = telegramCodeValidity == null ? Duration.ofMinutes(15) : telegramCodeValidity;
    minPasswordLength = minPasswordLength == null ? 12 : Math.max(12, minPasswordLength);
  }
}
