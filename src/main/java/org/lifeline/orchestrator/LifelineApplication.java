package org.lifeline.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LifelineApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(LifelineApplication.class, args);
    } catch (RuntimeException startupFailure) {
      // The embedded engine's timer threads are not daemons: without an explicit exit a failed
      // startup would leave a JVM hanging instead of failing visibly.
      System.exit(1);
    }
  }
}
