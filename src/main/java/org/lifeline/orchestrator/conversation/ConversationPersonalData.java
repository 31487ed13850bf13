package org.lifeline.orchestrator.conversation;

import java.util.Collection;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedColumn;
import org.lifeline.orchestrator.privacy.PersonalDataHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The conversation's texts (the person's words, and what was written to them) are erased with the person; who wrote
 * when stays for statistics. A reply still queued then has nothing left to send and is given up.
 */
@Configuration(proxyBeanMethods = false)
class ConversationPersonalData implements PersonalDataHolder {

  private final ConversationMessageRepository messages;

  ConversationPersonalData(ConversationMessageRepository messages) {
    this.messages = messages;
  }

  @Override
  public void erase(UUID contactId, Collection<UUID> requestIds) {
    if (!requestIds.isEmpty()) {
      messages.eraseTexts(requestIds);
    }
  }

  @Bean
  EncryptedColumn conversationText() {
    return new EncryptedColumn("conversation_message", "id", "text");
  }
}
