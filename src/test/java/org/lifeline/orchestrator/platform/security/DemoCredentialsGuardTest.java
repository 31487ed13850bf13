package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.contact.Channel;
import org.lifeline.orchestrator.engine.EngineMode;
import org.lifeline.orchestrator.engine.EngineProperties;
import org.lifeline.orchestrator.platform.crypto.CryptoProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoCredentialsGuardTest {

  PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  EngineProperties embedded = new EngineProperties(EngineMode.EMBEDDED, null);
  EngineProperties camunda = new EngineProperties(EngineMode.CAMUNDA, null);

  CryptoProperties demoCrypto = new CryptoProperties(List.of(new CryptoProperties.Key("demo", "x")), "demo", "y");
  CryptoProperties realCrypto = new CryptoProperties(List.of(new CryptoProperties.Key("2026-11", "x")), "2026-11", "y");

  @Test
  void aClusterModeRefusesTheDemoEncryptionKey() {
    var security = new SecurityProperties(List.of(integrator("a-real-key-0123456789")), List.of());
    assertThatThrownBy(() -> new DemoCredentialsGuard(camunda, security, demoCrypto, passwords))
        .hasMessageContaining("encryption key");
  }

  @Test
  void theEmbeddedDefaultAcceptsTheDemoCredentials() {
    assertThatCode(() -> new DemoCredentialsGuard(embedded, demo(), demoCrypto, passwords)).doesNotThrowAnyException();
  }

  @Test
  void aClusterModeRefusesTheDemoIntegratorKey() {
    var security = new SecurityProperties(List.of(integrator("demo-integrator-key")), List.of());
    assertThatThrownBy(() -> new DemoCredentialsGuard(camunda, security, realCrypto, passwords))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("integrator key");
  }

  @Test
  void aClusterModeRefusesAUserWithTheDemoPassword() {
    var security =
        new SecurityProperties(
            List.of(integrator("a-real-key-0123456789")),
            List.of(new SecurityProperties.UserAccount("curator", passwords.encode("demo"), List.of("CURATOR"))));
    assertThatThrownBy(() -> new DemoCredentialsGuard(camunda, security, realCrypto, passwords))
        .hasMessageContaining("curator");
  }

  @Test
  void aClusterModeStartsWithRealCredentials() {
    var security =
        new SecurityProperties(
            List.of(integrator("a-real-key-0123456789")),
            List.of(new SecurityProperties.UserAccount("curator", passwords.encode("long-secret"), List.of("CURATOR"))));
    assertThatCode(() -> new DemoCredentialsGuard(camunda, security, realCrypto, passwords)).doesNotThrowAnyException();
  }

  private static SecurityProperties.IntegratorAccount integrator(String key) {
    return new SecurityProperties.IntegratorAccount("bot", key, Set.of(Channel.WEB), null);
  }

  private SecurityProperties demo() {
    return new SecurityProperties(
        List.of(integrator("demo-integrator-key")),
        List.of(new SecurityProperties.UserAccount("curator", passwords.encode("demo"), List.of("CURATOR"))));
  }
}
