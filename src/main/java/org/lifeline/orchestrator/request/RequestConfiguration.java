package org.lifeline.orchestrator.request;

import org.lifeline.orchestrator.platform.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestConfiguration {

  @Bean
  EncryptedColumn inboundMessageText() {
    return new EncryptedColumn("request_event", "id", "content");
  }
}
