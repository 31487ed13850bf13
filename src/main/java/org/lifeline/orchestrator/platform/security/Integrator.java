package org.lifeline.orchestrator.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.lifeline.orchestrator.contact.Channel;

/**
 * A bot, web form or partner system calling the API. It reads and writes only the requests it brought; its name is
 * what the audit, the requests and the metrics record.
 *
 * @param channels the channels it may take requests in for
 * @param webhook where the platform tells it about its requests, if it is to be told
 */
public record Integrator(String name, Set<Channel> channels, Optional<SecurityProperties.Webhook> webhook) {

  public Integrator {
    channels = Set.copyOf(channels);
  }

  /** An OAuth2 client with the integrator scope that the configuration does not describe: every channel, no webhook. */
  static Integrator unconfigured(String name) {
    return new Integrator(name, EnumSet.allOf(Channel.class), Optional.empty());
  }

  public boolean accepts(Channel channel) {
    return channels.contains(channel);
  }
}
