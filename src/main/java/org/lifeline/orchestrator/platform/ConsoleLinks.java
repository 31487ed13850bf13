package org.lifeline.orchestrator.platform;

import java.net.URI;
import org.lifeline.orchestrator.engine.EngineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links to the console that leave the platform (invitation links, alerts to staff), on the address people reach it
 * at: {@code lifeline.console.public-url}, e.g. {@code https://lifeline.example.org}. Never taken from a request's
 * Host header, which the caller chooses.
 */
@Component
public class ConsoleLinks {

  static final String DEFAULT = "http://localhost:8080";
  private static final Logger log = LoggerFactory.getLogger(ConsoleLinks.class);

  private final String base;

  ConsoleLinks(@Value("${lifeline.console.public-url:" + DEFAULT + "}") URI publicUrl, EngineProperties engine) {
    if (!publicUrl.isAbsolute() || publicUrl.getHost() == null) {
      throw new IllegalStateException("lifeline.console.public-url must be an absolute http(s) URL: " + publicUrl);
    }
    String text = publicUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    if (!engine.isEmbedded() && DEFAULT.equals(base)) {
      log.warn("lifeline.console.public-url is not set: invitation links and staff alerts point to {}", DEFAULT);
    }
  }

  /** The console page at this path ({@code /console/...}). */
  public URI to(String path) {
    return URI.create(base + path);
  }
}
