package org.lifeline.orchestrator.request;

import java.util.Collection;
import java.util.UUID;
import org.lifeline.orchestrator.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** Inbound message texts go; the history of what happened when (statuses, templates) stays. */
@Component
class RequestPersonalData implements PersonalDataHolder {

  private final RequestEventRepository events;

  RequestPersonalData(RequestEventRepository events) {
    this.events = events;
  }

  @Override
  public void erase(UUID contactId, Collection<UUID> requestIds) {
    if (!requestIds.isEmpty()) {
      events.eraseContent(requestIds);
    }
  }
}
