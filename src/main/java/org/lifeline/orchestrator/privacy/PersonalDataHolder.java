package org.lifeline.orchestrator.privacy;

import java.util.Collection;
import java.util.UUID;

/**
 * A feature that stores personal data about a person or their requests. Erasure asks each holder
 * to remove or anonymise its part, in one transaction, keeping only non-identifying facts
 * (statuses, timestamps, risk levels, scores) for statistics.
 */
public interface PersonalDataHolder {

  /** Removes or anonymises what this feature holds for the contact and their requests. */
  void erase(UUID contactId, Collection<UUID> requestIds);
}
