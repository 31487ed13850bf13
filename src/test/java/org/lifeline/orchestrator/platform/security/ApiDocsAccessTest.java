package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.engine.EngineProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Who may read the API docs when {@code lifeline.security.public-api-docs} is not set: anyone in the embedded mode, only
 * a logged-in caller against a Camunda cluster (a context in that mode needs a cluster, so the default is checked here;
 * OAuth2AndAnonymousIntakeTest shows the login being required once the docs are closed).
 */
class ApiDocsAccessTest {

  @Test
  void closedByDefaultAgainstACluster() {
    assertThat(SecurityConfiguration.apiDocsOpen(null, engine("camunda"))).isFalse();
  }

  @Test
  void openByDefaultInTheEmbeddedMode() {
    assertThat(SecurityConfiguration.apiDocsOpen(null, engine("embedded"))).isTrue();
    assertThat(SecurityConfiguration.apiDocsOpen(null, engine(null))).isTrue();
  }

  @Test
  void theSwitchDecidesWhenSet() {
    assertThat(SecurityConfiguration.apiDocsOpen(true, engine("camunda"))).isTrue();
    assertThat(SecurityConfiguration.apiDocsOpen(false, engine("embedded"))).isFalse();
  }

  /** The engine settings as Spring Boot binds them from configuration. */
  private static EngineProperties engine(String mode) {
    Map<String, String> settings = mode == null ? Map.of("lifeline.engine.embedded.port", "0") : Map.of("lifeline.engine.mode", mode);
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("lifeline.engine", EngineProperties.class);
  }
}
