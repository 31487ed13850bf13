package org.lifeline.orchestrator.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.lifeline.orchestrator.contact.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param integrators the bots, web forms and partner systems that call the API, each with its own key
 * @param users console and API users; passwords are stored as hashes ({bcrypt}...)
 */
@ConfigurationProperties("lifeline.security")
public record SecurityProperties(List<IntegratorAccount> integrators, List<UserAccount> users) {

  public SecurityProperties {
    integrators = integrators == null ? List.of() : List.copyOf(integrators);
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * @param name who the integrator is: the principal of its calls, what the audit, the requests it brings and the
   *     metrics name; for an OAuth2 client, its client id
   * @param key its API key for the X-API-Key header; none for an OAuth2 client
   * @param channels the channels it may take requests in for
   * @param webhook where the platform tells it about its requests (optional)
   */
  public record IntegratorAccount(String name, String key, Set<Channel> channels, Webhook webhook) {}

  /**
   * @param url where events are POSTed
   * @param secret shared secret the events are signed with
   */
  public record Webhook(URI url, String secret) {}

  /** @param roles e.g. CURATOR, SPECIALIST, SUPERVISOR, ADMIN */
  public record UserAccount(String username, String passwordHash, List<String> roles) {}
}
