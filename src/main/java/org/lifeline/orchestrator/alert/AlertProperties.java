package org.lifeline.orchestrator.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param interval how often queued alerts are delivered
 * @param maxAttempts attempts per alert and channel before it is given up (FAILED, visible in health)
 * @param firstBackoff the wait after the first failure, doubled with each further one
 * @param maxBackoff the longest wait between attempts
 * @param messageAlertInterval at most one new-message alert per case and specialist this often
 * @param email e-mail alerts
 * @param health when the health component {@code staffAlerts} warns or is DOWN
 */
@ConfigurationProperties("lifeline.alerts")
record AlertProperties(
    Duration interval,
    Integer maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration messageAlertInterval,
    Email email,
    Health health) {

  AlertProperties {
    interval = interval == null ? Duration.ofMillis(500) : interval;
    maxAttempts = maxAttempts == null ? 10 : maxAttempts;
    firstBackoff = firstBackoff == null ? Duration.ofSeconds(5) : firstBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
    messageAlertInterval = messageAlertInterval == null ? Duration.ofMinutes(10) : messageAlertInterval;
    email = email == null ? new Email(false, null) : email;
    health = health == null ? new Health(null, null, null) : health;
  }

  /**
   * @param enabled send alerts by e-mail (SMTP server: {@code spring.mail.host}, {@code .port}, {@code .username},
   *     {@code .password}, {@code .properties.*})
   * @param from the sender address
   */
  record Email(boolean enabled, String from) {}

  /**
   * @param staleAfter alerts pending longer than this are a warning
   * @param maxStale more stale alerts than this: DOWN
   * @param failedWindow an alert given up within this window: DOWN
   */
  record Health(Duration staleAfter, Integer maxStale, Duration failedWindow) {
    Health {
      staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
      maxStale = maxStale == null ? 20 : maxStale;
      failedWindow = failedWindow == null ? Duration.ofHours(1) : failedWindow;
    }
  }
}
