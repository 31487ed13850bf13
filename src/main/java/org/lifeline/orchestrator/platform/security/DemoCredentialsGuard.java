package org.lifeline.orchestrator.platform.security;

import org.lifeline.orchestrator.engine.EngineProperties;
import org.lifeline.orchestrator.platform.crypto.CryptoProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo credentials make the embedded default usable at once; anywhere else they would be an
 * open door to health data, so the platform refuses to start with them.
 */
@Component
class DemoCredentialsGuard {

  static final String DEMO_INTEGRATOR_KEY = "demo-integrator-key";
  static final String DEMO_PASSWORD = "demo";

  static final String DEMO_CRYPTO_KEY_ID = "demo";

  DemoCredentialsGuard(
      EngineProperties engine, SecurityProperties security, CryptoProperties crypto, PasswordEncoder passwords) {
    if (engine.isEmbedded()) {
      return;
    }
    if (crypto.keys().stream().anyMatch(key -> key.id().equals(DEMO_CRYPTO_KEY_ID))) {
      throw new IllegalStateException(
          "The demo encryption key is only allowed in embedded mode: configure lifeline.crypto.keys");
    }
    if (security.integrators().stream().anyMatch(integrator -> DEMO_INTEGRATOR_KEY.equals(integrator.key()))) {
      throw new IllegalStateException(
          "The demo integrator key is only allowed in embedded mode: configure lifeline.security.integrators");
    }
    for (SecurityProperties.UserAccount user : security.users()) {
      if (passwords.matches(DEMO_PASSWORD, user.passwordHash())) {
        throw new IllegalStateException(
            "User '" + user.username() + "' has the demo password, which is only allowed in embedded mode");
      }
    }
  }
}
