package org.lifeline.orchestrator.feedback;

import java.util.Collection;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.EncryptedColumn;
import org.lifeline.orchestrator.privacy.PersonalDataHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A feedback comment is the person's own words and is erased; the rating stays for statistics. */
@Configuration(proxyBeanMethods = false)
class FeedbackPersonalData implements PersonalDataHolder {

  private final FeedbackRequestRepository feedback;

  FeedbackPersonalData(FeedbackRequestRepository feedback) {
    this.feedback = feedback;
  }

  @Override
  public void erase(UUID contactId, Collection<UUID> requestIds) {
    if (!requestIds.isEmpty()) {
      feedback.eraseComments(requestIds);
    }
  }

  @Bean
  EncryptedColumn feedbackComment() {
    return new EncryptedColumn("feedback_request", "id", "comment");
  }
}
