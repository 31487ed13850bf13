package org.lifeline.orchestrator.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param integratorKeys API keys accepted in the X-API-Key header
 * @param users console and API users; passwords are stored as hashes ({bcrypt}...)
 */
@ConfigurationProperties("lifeline.security")
public record SecurityProperties(List<String> integratorKeys, List<UserAccount> users) {

  public SecurityProperties {
    integratorKeys = integratorKeys == null ? List.of() : List.copyOf(integratorKeys);
    users = users == null ? List.of() : List.copyOf(users);
  }

  /** @param roles e.g. CURATOR, SPECIALIST, SUPERVISOR, ADMIN */
  public record UserAccount(String username, String passwordHash, List<String> roles) {}
}
