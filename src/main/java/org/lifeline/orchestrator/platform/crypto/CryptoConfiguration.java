package org.lifeline.orchestrator.platform.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

  @Bean
  FieldEncryptor fieldEncryptor(CryptoProperties properties) {
    return new FieldEncryptor(properties);
  }
}
