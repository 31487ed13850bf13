package org.lifeline.orchestrator.conversation;

import java.time.Instant;
import java.util.UUID;

/** A canned response as the API shows it. */
public record CannedResponseView(
    UUID id, String language, String category, String title, String text, String updatedBy, Instant updatedAt) {

  static CannedResponseView of(CannedResponse response) {
    return new CannedResponseView(
        response.getId(),
        response.getLanguage(),
        response.getCategory(),
        response.getTitle(),
        response.getText(),
        response.getUpdatedBy(),
        response.getUpdatedAt());
  }
}
