package org.lifeline.orchestrator.platform.ratelimit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param paths request paths (Ant patterns) that are limited: the endpoints open to the public
 * @param anonymousPerMinute requests a minute from one IP address without credentials
 * @param clientPerMinute requests a minute from one authenticated client (API key, user)
 */
@ConfigurationProperties("lifeline.rate-limit")
public record RateLimitProperties(List<String> paths, int anonymousPerMinute, int clientPerMinute) {

  public RateLimitProperties {
    paths = paths == null ? List.of() : List.copyOf(paths);
  }
}
