package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.engine.EngineMode;
import org.lifeline.orchestrator.engine.EngineProperties;
import org.lifeline.orchestrator.platform.crypto.CryptoProperties;
import org.lifeline.orchestrator.platform.crypto.FieldEncryptor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.yaml.snakeyaml.Yaml;

/**
 * The app service of docker/docker-compose.yaml, with docker/.env substituted as Compose does, binds
 * to the settings the app expects, and the app would start with them (no demo credentials left).
 */
class DockerComposeSettingsTest {

  static final Path DOCKER = Path.of(System.getProperty("basedir", ".")).resolve("docker");
  static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::[-?]([^}]*))?}");

  @Test
  void theComposeEnvironmentConfiguresTheAppForTheCluster() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    // In place of this machine's environment, the app container's, under the name Spring Boot maps
    // like environment variables (LIFELINE_SECURITY_USERS_0_PASSWORDHASH -> ...users[0].password-hash).
    environment.getPropertySources().replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, appEnvironment()));
    new YamlPropertySourceLoader()
        .load("application.yaml", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    Binder binder = Binder.get(environment);

    EngineProperties engine = binder.bind("lifeline.engine", EngineProperties.class).get();
    SecurityProperties security = binder.bind("lifeline.security", SecurityProperties.class).get();

    assertThat(engine.mode()).isEqualTo(EngineMode.CAMUNDA);
    assertThat(security.integrators()).singleElement().satisfies(integrator -> {
      assertThat(integrator.name()).isEqualTo("web-form");
      assertThat(integrator.key()).isNotEqualTo(DemoCredentialsGuard.DEMO_INTEGRATOR_KEY);
      assertThat(integrator.channels()).containsExactly(Channel.WEB);
    });
    assertThatCode(() -> new Integrators(security, environment)).doesNotThrowAnyException();
    assertThat(security.users()).singleElement().satisfies(admin -> {
      assertThat(admin.username()).isEqualTo("lifeline-admin");
      assertThat(admin.roles()).containsExactly(Roles.ADMIN, Roles.CURATOR, Roles.SUPERVISOR);
      assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("change-me-admin-password", admin.passwordHash()))
          .isTrue();
    });
    CryptoProperties crypto = binder.bind("lifeline.crypto", CryptoProperties.class).get();
    assertThatCode(() -> new FieldEncryptor(crypto)).doesNotThrowAnyException();
    assertThatCode(
            () -> new DemoCredentialsGuard(engine, security, crypto, PasswordEncoderFactories.createDelegatingPasswordEncoder()))
        .doesNotThrowAnyException();
    assertThat(binder.bind("spring.datasource.url", String.class).get()).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(binder.bind("lifeline.console.public-url", String.class).get()).isEqualTo("http://localhost:8090");
    assertThat(binder.bind("lifeline.alerts.email.enabled", Boolean.class).get()).isFalse();
    assertThat(binder.bind("spring.mail.port", Integer.class).get()).isEqualTo(587);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> appEnvironment() throws IOException {
    Map<String, String> dotEnv = new HashMap<>();
    for (String line : Files.readAllLines(DOCKER.resolve(".env"))) {
      int equals = line.indexOf('=');
      if (!line.startsWith("#") && equals > 0) {
        String value = line.substring(equals + 1);
        dotEnv.put(line.substring(0, equals), value.startsWith("'") ? value.substring(1, value.length() - 1) : value);
      }
    }
    Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yaml")));
    Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
    Map<String, Object> environment = new LinkedHashMap<>();
    ((Map<String, Object>) app.get("environment"))
        .forEach((name, value) -> environment.put(name, substitute(String.valueOf(value), dotEnv)));
    return environment;
  }

  private static String substitute(String value, Map<String, String> dotEnv) {
    Matcher variable = VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (variable.find()) {
      String replacement = dotEnv.getOrDefault(variable.group(1), variable.group(2) == null ? "" : variable.group(2));
      variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    return variable.appendTail(result).toString();
  }
}
