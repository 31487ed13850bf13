package org.lifeline.orchestrator.platform.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Field encryption; import it into test slices that load entities with encrypted columns. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
@Import(EncryptedText.class)
public class CryptoConfiguration {

  @Bean
  FieldEncryptor fieldEncryptor(CryptoProperties properties) {
    return new FieldEncryptor(properties);
  }
}
