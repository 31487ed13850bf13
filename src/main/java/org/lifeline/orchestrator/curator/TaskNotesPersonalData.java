package org.lifeline.orchestrator.curator;

import java.util.Collection;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedColumn;
import org.lifeline.orchestrator.privacy.PersonalDataHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff notes about a person are erased with the person; the audit of who did what stays. */
@Configuration(proxyBeanMethods = false)
class TaskNotesPersonalData implements PersonalDataHolder {

  private final TaskNoteRepository notes;

  TaskNotesPersonalData(TaskNoteRepository notes) {
    this.notes = notes;
  }

  @Override
  public void erase(UUID contactId, Collection<UUID> requestIds) {
    if (!requestIds.isEmpty()) {
      notes.deleteByRequestIds(requestIds);
    }
  }

  @Bean
  EncryptedColumn taskNoteContent() {
    return new EncryptedColumn("user_task_note", "id", "content");
  }
}
