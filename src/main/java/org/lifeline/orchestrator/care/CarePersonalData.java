package org.lifeline.orchestrator.care;

import java.util.Collection;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedColumn;
import org.lifeline.orchestrator.privacy.PersonalDataHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Session notes are the care stage's free text about a person: encrypted, and erased with the person. */
@Configuration
class CarePersonalData implements PersonalDataHolder {

  private final CareSessionRepository sessions;

  CarePersonalData(CareSessionRepository sessions) {
    this.sessions = sessions;
  }

  @Override
  public void erase(UUID contactId, Collection<UUID> requestIds) {
    if (!requestIds.isEmpty()) {
      sessions.eraseNotes(requestIds);
    }
  }

  @Bean
  EncryptedColumn careSessionNote() {
    return new EncryptedColumn("care_session", "id", "note");
  }
}
