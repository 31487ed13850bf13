package org.lifeline.orchestrator.contact;

import org.lifeline.orchestrator.platform.crypto.EncryptedColumn;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class ContactConfiguration {

  private final ContactDirectory directory;

  ContactConfiguration(ContactDirectory directory) {
    this.directory = directory;
  }

  @Bean
  EncryptedColumn contactHandle() {
    return new EncryptedColumn("contact", "id", "channel_user_id");
  }

  @Bean
  EncryptedColumn contactName() {
    return new EncryptedColumn("contact", "id", "display_name");
  }

  @EventListener(ApplicationReadyEvent.class)
  void hashLegacyHandles() {
    directory.hashLegacyHandles();
  }
}
