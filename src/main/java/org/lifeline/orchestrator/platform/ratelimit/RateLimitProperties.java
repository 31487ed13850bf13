package org.lifeline.orchestrator.platform.ratelimit;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param paths request paths (Ant patterns) that are limited: the public write paths (intake, a person's messages,
 *     one-time feedback links, the web chat); adding a path is configuration only
 * @param methods the HTTP methods limited on those paths (default: the writes, POST, PUT, PATCH, DELETE)
 * @param anonymousPerMinute requests a minute from one IP address without credentials
 * @param clientPerMinute requests a minute from one authenticated client: each integrator and each user has its own
 *     bucket
 * @param personPerMinute requests a minute from one person in their own session (the web chat's bearer token), each
 *     session its own bucket; 0 or absent: as {@code clientPerMinute}
 */
@ConfigurationProperties("lifeline.rate-limit")
public record RateLimitProperties(List<String> paths, List<String> methods, int anonymousPerMinute, int clientPerMinute, int personPerMinute) {

  static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

  public RateLimitProperties {
    paths = paths == null ? List.of() : List.copyOf(paths);
    methods =
        methods == null || methods.isEmpty()
            ? WRITES
            : methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).toList();
    personPerMinute = personPerMinute > 0 ? personPerMinute : clientPerMinute;
  }
}
