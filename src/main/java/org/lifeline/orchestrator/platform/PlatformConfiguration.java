package org.lifeline.orchestrator.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** Hibernate's log of the unique-key races the platform settles itself stays quiet, and only that (UniqueKeyRaces). */
  PlatformConfiguration() {
    UniqueKeyRaces.install();
  }

  /** Against a Camunda cluster; in embedded mode the platform's clock is the embedded engine's. */
  @Bean
  @ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "camunda")
  Clock clock() {
    return Clock.systemUTC();
  }
}
